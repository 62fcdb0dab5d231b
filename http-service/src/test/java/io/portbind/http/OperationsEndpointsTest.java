package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What an operator and the dashboard read: probes, metrics, status and its live event stream. */
class OperationsEndpointsTest {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overRedis();

    @Test
    void healthzAndReadyzAnswer200WhileTheStoreIsUp() {
        assertEquals("{\"status\":\"alive\"}", service.get("/healthz").body());
        HttpResponse<String> ready = service.get("/readyz");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"ready\",\"store\":\"" + service.store().url() + "/0\"}", ready.body());
    }

    @Test
    void metricsAreInThePrometheusTextFormat() {
        service.get("/");
        service.get("/api/data/metrics-missing");
        service.get("/random/path/1");
        HttpResponse<String> response = service.get("/metrics");
        assertEquals(200, response.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8",
                response.headers().firstValue("Content-Type").orElseThrow());
        String text = response.body();
        assertTrue(text.contains("# TYPE http_server_requests_total counter\n"), text);
        assertTrue(Pattern.compile("(?m)^http_server_requests_total\\{route=\"/\",status=\"200\"} [1-9][0-9]*$")
                .matcher(text).find(), text);
        assertTrue(text.contains("http_server_requests_total{route=\"/api/data/{key}\",status=\"404\"}"), text);
        assertTrue(text.contains("http_server_requests_total{route=\"unmatched\",status=\"404\"}"), text);
        assertTrue(!text.contains("/random/path"), "raw paths must not become labels");
        assertTrue(text.contains("# TYPE http_server_request_duration_seconds histogram\n"), text);
        assertTrue(text.contains("http_server_request_duration_seconds_bucket{route=\"/\",le=\"0.0005\"}"), text);
        assertTrue(text.contains("http_server_request_duration_seconds_bucket{route=\"/\",le=\"+Inf\"}"), text);
        assertTrue(text.contains("http_server_request_duration_seconds_count{route=\"/\"}"), text);
        Matcher open = Pattern.compile("(?m)^http_server_open_connections ([0-9]+)$").matcher(text);
        assertTrue(open.find(), text);
        assertTrue(Long.parseLong(open.group(1)) >= 1, "this very request's connection is open");
        assertTrue(Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"} [1-9][0-9]*$").matcher(text).find());
    }

    @Test
    void statusShowsEachServiceAndTheStoreStatistics() throws InterruptedException {
        service.put("/api/data/status-key", "v");
        String json = service.get("/api/status").body();
        for (int wait = 0; json.contains("\"keys\":0,") && wait < 30; wait++) {
            Thread.sleep(100); // a status younger than a second is served from cache
            json = service.get("/api/status").body();
        }
        assertTrue(json.contains("{\"name\":\"http-service\",\"protocol\":\"HTTP/1.1\",\"address\":\"http://127.0.0.1:"
                + service.port() + "\",\"up\":true,\"roundTripMs\":"), json);
        assertTrue(json.contains("{\"name\":\"kv-service\",\"protocol\":\"RESP\",\"address\":\"" + service.store().url()
                + "/0\",\"up\":true,\"roundTripMs\":"), json);
        assertTrue(json.contains("\"detail\":\"+PONG\""), json);
        assertTrue(json.contains("{\"name\":\"chat-service\",\"protocol\":\"XMPP\""), json);
        assertTrue(json.contains("\"up\":false,\"roundTripMs\":null,\"detail\":\"connection refused\"}"),
                "nothing listens on the chat port: " + json);
        assertTrue(json.matches(".*\"store\":\\{\"reachable\":true,\"keys\":[1-9][0-9]*,\"clients\":[1-9].*"), json);
        assertTrue(json.contains("\"opsPerSec\":"), json);
        assertTrue(json.contains("\"usedMemory\":\""), json);
    }

    @Test
    void eventsStreamTheStatusAsServerSentEvents() throws Exception {
        HttpResponse<InputStream> response = service.client.send(service.request("/api/events")
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("Content-Encoding").isEmpty(), "events are never compressed");
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (int event = 0; event < 2; event++) {
                assertEquals("event: status", events.readLine());
                String data = events.readLine();
                assertTrue(data.startsWith("data: {\"checkedAt\":"), data);
                assertTrue(data.contains("\"name\":\"kv-service\""), data);
                assertEquals("", events.readLine());
            }
        }
    }

    @Test
    void headOfTheEventStreamIsHeadersOnlyAndTheConnectionGoesOn() {
        try (RawConnection connection = service.connect()) {
            connection.send("HEAD /api/events HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            RawConnection.Response head = connection.read(false);
            assertEquals(200, head.status());
            assertEquals("text/event-stream; charset=utf-8", head.header("Content-Type"));
            assertNull(head.header("Transfer-Encoding"));
            assertEquals("{\"status\":\"alive\"}", connection.read().body(), "the request behind it is answered");
        }
    }

    @Test
    void anHttp10ClientGetsTheEventStreamUnchunked() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET /api/events HTTP/1.0\r\n\r\n");
            RawConnection.Response head = connection.read(false);
            assertEquals(200, head.status());
            assertNull(head.header("Transfer-Encoding"), "HTTP/1.0 has no chunked coding");
            assertEquals("close", head.header("Connection"), "the stream ends when the connection does");
            String start = "event: status\ndata: {\"checkedAt\":";
            assertEquals(start, connection.read(start.length()));
        }
    }
}
