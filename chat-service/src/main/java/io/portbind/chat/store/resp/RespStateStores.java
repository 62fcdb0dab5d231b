package io.portbind.chat.store.resp;

import io.portbind.chat.store.StateStores;
import io.portbind.common.resp.RespClient;
import java.util.Optional;

/** The chat-service's state in the RESP store named by {@code KV_URL}, every key under one prefix. */
public final class RespStateStores {

    private RespStateStores() {
    }

    /** The stores over {@code client}, which closing them closes. */
    public static StateStores open(RespClient client, String prefix, String domain, int offlineLimit) {
        KeyLayout keys = new KeyLayout(prefix, domain);
        return new StateStores(new RespAccountStore(client, keys), new RespRosterStore(client, keys),
                new RespOfflineStore(client, keys, offlineLimit), new RespWindowCounters(client, keys),
                (kind, memory) -> new RespEventTallies(client, keys, kind, memory),
                "in " + client.url() + " under the key prefix '" + prefix + "'", true, Optional.of(client));
    }
}
