package io.portbind.http.web;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.portbind.http.routing.Exchange;
import io.portbind.http.routing.Responses;
import java.util.Map;

/** {@code GET /assets/{name}}: the dashboard's stylesheet, script and icon from the jar. */
public final class Assets {

    private final Map<String, Asset> byName = Map.of(
            "dashboard.css", Asset.load("dashboard.css", "text/css; charset=utf-8"),
            "dashboard.js", Asset.load("dashboard.js", "text/javascript; charset=utf-8"),
            "favicon.svg", Asset.load("favicon.svg", "image/svg+xml"));

    public void serve(Exchange exchange) {
        Asset asset = byName.get(exchange.pathParameter("name"));
        exchange.respond(asset == null ? Responses.error(HttpResponseStatus.NOT_FOUND, "no such asset")
                : asset.respondTo(exchange.request()));
    }
}
