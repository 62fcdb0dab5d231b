package io.portbind.http.probe;

import io.portbind.http.json.JsonObject;

/** One service as the dashboard shows it: where it is, what it speaks, and how its check went. */
record ServiceStatus(String name, String protocol, String address, ProbeResult check) {

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("name", name).put("protocol", protocol).put("address", address)
                .put("up", check.up());
        if (check.up()) {
            json.put("roundTripMs", check.roundTripMillis());
        } else {
            json.putNull("roundTripMs");
        }
        return json.put("detail", check.detail());
    }
}
