package io.portbind.http.api;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.metrics.Metrics;
import io.portbind.http.probe.StatusMonitor;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.Responses;
import java.nio.charset.StandardCharsets;

/** What the dashboard and a scraper read: the services' status, live or once, and the metrics. */
public final class StatusApi {

    private final StatusMonitor monitor;
    private final Metrics metrics;

    public StatusApi(StatusMonitor monitor, Metrics metrics) {
        this.monitor = monitor;
        this.metrics = metrics;
    }

    /** {@code GET /api/status}: the three services and the store's statistics as JSON. */
    public void status(Exchange exchange) {
        exchange.respondWhenDone(monitor.current().thenApply(json -> Responses.of(HttpResponseStatus.OK,
                Responses.JSON, Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)))),
                failure -> Responses.error(HttpResponseStatus.INTERNAL_SERVER_ERROR, "status check failed"));
    }

    /** {@code GET /api/events}: the same status as Server-Sent Events, one {@code status} event per check. */
    public void events(Exchange exchange) {
        exchange.openEventStream().ifPresent(monitor::subscribe);
    }

    /** {@code GET /metrics}: Prometheus text exposition. */
    public void metrics(Exchange exchange) {
        exchange.respond(Responses.of(HttpResponseStatus.OK, Metrics.CONTENT_TYPE,
                Unpooled.wrappedBuffer(metrics.scrape().getBytes(StandardCharsets.UTF_8))));
    }
}
