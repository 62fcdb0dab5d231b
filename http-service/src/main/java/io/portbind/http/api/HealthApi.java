package io.portbind.http.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.json.JsonObject;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.Responses;
import io.portbind.http.store.KvStore;

/** Probes for an orchestrator: liveness needs only this process, readiness also needs the store. */
public final class HealthApi {

    private final KvStore store;

    public HealthApi(KvStore store) {
        this.store = store;
    }

    /** {@code GET /healthz}: 200 while the process serves requests at all. */
    public void live(Exchange exchange) {
        exchange.respond(Responses.json(HttpResponseStatus.OK, new JsonObject().put("status", "alive")));
    }

    /** {@code GET /readyz}: 200 once the store answers {@code PING}, 503 with {@code Retry-After} while it does not. */
    public void ready(Exchange exchange) {
        exchange.respondWhenDone(store.ping().thenApply(pong -> Responses.json(HttpResponseStatus.OK,
                new JsonObject().put("status", "ready").put("store", store.url().toString()))),
                StoreErrors::toResponse);
    }
}
