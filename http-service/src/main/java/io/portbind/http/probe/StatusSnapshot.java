package io.portbind.http.probe;

import io.portbind.http.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Everything the dashboard shows at one moment. */
record StatusSnapshot(Instant checkedAt, List<ServiceStatus> services, StoreStats store) {

    String toJson() {
        return new JsonObject().put("checkedAt", checkedAt.toString())
                .putObjects("services", services.stream().map(ServiceStatus::toJson).toList())
                .put("store", store.toJson()).toString();
    }
}
