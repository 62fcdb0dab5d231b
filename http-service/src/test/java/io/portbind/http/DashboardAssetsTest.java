package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page and its files as a browser fetches them: content types, security headers, revalidation. */
class DashboardAssetsTest {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.withoutStore();

    @Test
    void aBrowserGetsThePageWithSecurityHeaders() {
        HttpResponse<String> page = service.send(service.request("/")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build());
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<title>Portbind dashboard</title>"));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.startsWith("default-src 'none'; script-src 'self'; style-src 'self';"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("accept-encoding, accept", page.headers().firstValue("Vary").orElseThrow().toLowerCase());
    }

    @Test
    void whatMayBeGzippedVariesByAcceptEncodingEvenWhenNotGzipped() {
        for (String path : new String[] {"/", "/assets/dashboard.css", "/assets/dashboard.js", "/metrics"}) {
            for (String accepted : new String[] {"gzip", "identity"}) {
                HttpResponse<String> response = service.send(service.request(path).header("Accept", "text/html")
                        .header("Accept-Encoding", accepted).build());
                assertTrue(vary(response).contains("accept-encoding"), path + " for " + accepted);
                HttpResponse<String> again = service.send(service.request(path).header("Accept", "text/html")
                        .header("If-None-Match", response.headers().firstValue("ETag").orElse("none")).build());
                assertTrue(vary(again).contains("accept-encoding"), path + " answered " + again.statusCode());
            }
        }
        assertEquals("", vary(service.get("/healthz")), "a small body is never compressed");
        assertEquals("accept", vary(service.get("/")), "nor is the greeting");
    }

    private static String vary(HttpResponse<String> response) {
        return response.headers().firstValue("Vary").orElse("").toLowerCase();
    }

    @Test
    void pageAndAssetsRevalidateWithETagsAnd304() {
        for (String path : new String[] {"/", "/assets/dashboard.css", "/assets/dashboard.js",
            "/assets/favicon.svg"}) {
            HttpResponse<String> first = service.send(service.request(path).header("Accept", "text/html").build());
            assertEquals(200, first.statusCode(), path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertTrue(etag.matches("W/\"[0-9a-f]{24}\""), etag);
            assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElseThrow());

            HttpResponse<String> again = service.send(service.request(path).header("Accept", "text/html")
                    .header("If-None-Match", etag).build());
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body());
            assertEquals(etag, again.headers().firstValue("ETag").orElseThrow());

            HttpResponse<String> changed = service.send(service.request(path).header("Accept", "text/html")
                    .header("If-None-Match", "W/\"000000000000000000000000\"").build());
            assertEquals(200, changed.statusCode(), path);
        }
    }

    @Test
    void assetsHaveTheirContentTypes() {
        assertEquals("text/css; charset=utf-8", service.get("/assets/dashboard.css").headers()
                .firstValue("Content-Type").orElseThrow());
        assertEquals("text/javascript; charset=utf-8", service.get("/assets/dashboard.js").headers()
                .firstValue("Content-Type").orElseThrow());
        assertEquals("image/svg+xml", service.get("/assets/favicon.svg").headers()
                .firstValue("Content-Type").orElseThrow());
        assertEquals(404, service.get("/assets/missing.js").statusCode());
    }

    @Test
    void theDashboardWorksWhileTheStoreIsDown() {
        String status = service.get("/api/status").body();
        assertTrue(status.contains("\"store\":{\"reachable\":false,\"error\":\"KV store unreachable at redis://"),
                status);
        assertTrue(status.contains("{\"name\":\"http-service\",\"protocol\":\"HTTP/1.1\","
                + "\"address\":\"http://127.0.0.1:" + service.port() + "\",\"up\":true,"),
                "HTTP_URL unset, the card shows the address this process is bound to: " + status);
        assertEquals(503, service.get("/readyz").statusCode());
        assertEquals(200, service.send(service.request("/").header("Accept", "text/html").build()).statusCode());
    }
}
