package io.portbind.http.probe;

import io.portbind.http.json.JsonObject;
import io.portbind.http.store.KvStore;
import io.portbind.http.store.StoreInfo;
import io.portbind.common.resp.StoreUnavailableException;
import java.util.Optional;

/**
 * The store's statistics as the dashboard shows them, or why there are none: unreachable, or
 * reachable but not answering {@code DBSIZE}/{@code INFO} (a store may not implement them).
 */
record StoreStats(boolean reachable, Optional<StoreInfo> info, String error) {

    static StoreStats of(StoreInfo info) {
        return new StoreStats(true, Optional.of(info), null);
    }

    static StoreStats failed(Throwable failure) {
        Throwable cause = KvStore.unwrap(failure);
        return failed(!(cause instanceof StoreUnavailableException), cause.getMessage());
    }

    static StoreStats failed(boolean reachable, String error) {
        return new StoreStats(reachable, Optional.empty(), error);
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("reachable", reachable);
        if (info.isEmpty()) {
            return json.put("error", error);
        }
        StoreInfo stats = info.get();
        json.put("keys", stats.keys());
        stats.number("connected_clients").ifPresent(clients -> json.put("clients", clients));
        stats.number("used_memory").ifPresent(bytes -> json.put("usedMemoryBytes", bytes));
        stats.field("used_memory_human").ifPresent(human -> json.put("usedMemory", human));
        stats.number("instantaneous_ops_per_sec").ifPresent(ops -> json.put("opsPerSec", ops));
        stats.field("redis_version").ifPresent(version -> json.put("version", version));
        stats.number("uptime_in_seconds").ifPresent(uptime -> json.put("uptimeSeconds", uptime));
        return json;
    }
}
