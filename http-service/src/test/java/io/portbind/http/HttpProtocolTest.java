package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.http.protocol.HttpChannelInitializer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HTTP/1.1 as a client sees it: greeting, keep-alive, pipelining, HEAD, errors, limits, compression. */
class HttpProtocolTest {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overRedis();

    @Test
    void rootGreetsAnyClientThatIsNotABrowser() {
        HttpResponse<String> response = service.get("/");
        assertEquals(200, response.statusCode());
        assertEquals("Hello, World!", response.body());
        assertEquals("text/plain; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("13", response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("accept", response.headers().firstValue("Vary").orElseThrow().toLowerCase());
        assertTrue(response.headers().firstValue("Date").isPresent());
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() {
        try (RawConnection connection = service.connect()) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
                RawConnection.Response response = connection.read();
                assertEquals(200, response.status());
                assertEquals("Hello, World!", response.body());
                assertNull(response.header("Connection"));
            }
        }
    }

    @Test
    void connectionCloseIsHonoured() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            assertEquals("close", connection.read().header("Connection"));
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void http10KeepAliveIsAnsweredInKind() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertEquals("keep-alive", connection.read().header("Connection"));
            connection.send("GET / HTTP/1.0\r\n\r\n");
            assertEquals(200, connection.read().status());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void pipelinedResponsesComeBackInRequestOrderEvenWhenTheFirstWaitsForTheStore() {
        service.put("/api/data/pipelined", "from the store");
        try (RawConnection connection = service.connect()) {
            connection.send("GET /api/data/pipelined HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /no/such/page HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "HEAD / HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            RawConnection.Response first = connection.read();
            assertEquals(200, first.status());
            assertTrue(first.body().contains("\"value\":\"from the store\""), first.body());
            assertEquals("Hello, World!", connection.read().body());
            assertEquals(404, connection.read().status());
            RawConnection.Response head = connection.read(false);
            assertEquals(200, head.status());
            assertEquals("13", head.header("Content-Length"));
            assertEquals(200, connection.read().status());
        }
    }

    @Test
    void aBadPercentEscapeBehindAStoreCallIsAnswered400InTurnAndCounted() {
        service.put("/api/data/before-the-bad-escape", "from the store");
        try (RawConnection connection = service.connect()) {
            connection.send("GET /api/data/before-the-bad-escape HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "GET /api/data/100% HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, connection.read().status());
            assertErrorThenClose(connection, 400, "invalid request target");
        }
        assertCounted(400);
    }

    @Test
    void headAnswersLikeGetWithoutTheBody() {
        HttpResponse<String> response = service.send(service.request("/")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, response.statusCode());
        assertEquals("13", response.headers().firstValue("Content-Length").orElseThrow());
        assertEquals("", response.body());
    }

    @Test
    void unknownPathIs404WithAJsonBody() {
        HttpResponse<String> response = service.get("/no/such/page");
        assertEquals(404, response.statusCode());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"error\":\"no such resource\",\"status\":404}", response.body());
    }

    @Test
    void wrongMethodIs405WithAllow() {
        HttpResponse<String> root = service.send(service.request("/")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(405, root.statusCode());
        assertEquals("GET, HEAD, OPTIONS", root.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> key = service.send(service.request("/api/data/k")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(405, key.statusCode());
        assertEquals("GET, HEAD, PUT, DELETE, OPTIONS", key.headers().firstValue("Allow").orElseThrow());
    }

    @Test
    void anUnknownMethodIs501OnAnyPathAndTheConnectionGoesOn() {
        try (RawConnection connection = service.connect()) {
            for (String path : new String[] {"/", "/no/such/page"}) {
                connection.send("FOO " + path + " HTTP/1.1\r\nHost: test\r\n\r\n");
                RawConnection.Response response = connection.read();
                assertEquals(501, response.status(), path);
                assertEquals("{\"error\":\"method not implemented\",\"status\":501}", response.body());
            }
            connection.send("GET / HTTP/1.1\r\nHost: test\r\n\r\n");
            assertEquals(200, connection.read().status());
        }
    }

    @Test
    void optionsListsTheMethodsOfAPathOrOfTheWholeServer() {
        try (RawConnection connection = service.connect()) {
            connection.send("OPTIONS * HTTP/1.1\r\nHost: test\r\n\r\n");
            RawConnection.Response server = connection.read();
            assertEquals(200, server.status());
            assertEquals("0", server.header("Content-Length"));
            assertEquals("GET, HEAD, PUT, DELETE, OPTIONS", server.header("Allow"));

            connection.send("OPTIONS /api/data/k HTTP/1.1\r\nHost: test\r\n\r\n");
            RawConnection.Response key = connection.read();
            assertEquals(200, key.status());
            assertEquals("GET, HEAD, PUT, DELETE, OPTIONS", key.header("Allow"));
        }
    }

    @Test
    void chunkedBodiesAreReassembled() {
        try (RawConnection connection = service.connect()) {
            connection.send("PUT /api/data/chunked HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n");
            assertEquals(201, connection.read().status());
        }
        assertTrue(service.get("/api/data/chunked").body().contains("\"value\":\"hello, world\""));
    }

    @Test
    void expectContinueGetsTheBodySent() {
        HttpResponse<String> response = service.send(service.request("/api/data/continued").expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofString("after 100")).build());
        assertEquals(201, response.statusCode());
        assertTrue(service.get("/api/data/continued").body().contains("\"value\":\"after 100\""));
    }

    @Test
    void bodyAboveTheLimitIs413InTurnThenClose() {
        String length = Integer.toString(HttpChannelInitializer.MAX_BODY_BYTES + 1);
        try (RawConnection connection = service.connect()) {
            connection.send("GET /api/data/not-there HTTP/1.1\r\nHost: test\r\n\r\n"
                    + "PUT /api/data/big HTTP/1.1\r\nHost: test\r\nContent-Length: " + length + "\r\n\r\n");
            assertEquals(404, connection.read().status(), "the store's answer comes first");
            assertErrorThenClose(connection, 413, "request body larger than 1048576 bytes");
        }
        try (RawConnection connection = service.connect()) {
            connection.send("PUT /api/data/big HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: "
                    + length + "\r\n\r\n");
            assertEquals(413, connection.read().status(), "no 100 Continue for a body that will not be read");
            assertTrue(connection.closedByServer());
        }
        assertEquals(404, service.get("/api/data/big").statusCode());
        assertCounted(413);
    }

    @Test
    void anExpectationOtherThan100ContinueIs417ThenClose() {
        for (String request : new String[] {
            "PUT /api/data/expecting HTTP/1.1\r\nHost: test\r\nExpect: the-impossible\r\nContent-Length: 1\r\n\r\nv",
            "GET / HTTP/1.1\r\nHost: test\r\nExpect: the-impossible\r\n\r\n"}) {
            try (RawConnection connection = service.connect()) {
                connection.send(request);
                assertErrorThenClose(connection, 417, "only the 100-continue expectation is supported");
            }
        }
        assertEquals(404, service.get("/api/data/expecting").statusCode());
        assertCounted(417);
    }

    @Test
    void headersAboveTheLimitAre431ThenClose() {
        String cookie = "a".repeat(HttpChannelInitializer.MAX_HEADER_BYTES + 10);
        try (RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/1.1\r\nHost: test\r\nCookie: " + cookie + "\r\n\r\n");
            assertEquals(431, connection.read().status());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void requestLineAboveTheLimitIs414ThenClose() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET /" + "a".repeat(HttpChannelInitializer.MAX_REQUEST_LINE_BYTES) + " HTTP/1.1\r\n"
                    + "Host: test\r\n\r\n");
            assertEquals(414, connection.read().status());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void otherHttpVersionsAre505ThenClose() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/2.0\r\nHost: test\r\n\r\n");
            assertEquals(505, connection.read().status());
            assertTrue(connection.closedByServer());
        }
    }

    @Test
    void slowRequestGets408AndIsClosed() throws InterruptedException {
        try (RawConnection connection = service.connect()) {
            connection.send("GET / HTTP/1.1\r\nHost: te");
            Thread.sleep(HttpServiceUnderTest.REQUEST_TIMEOUT.toMillis() + 500);
            assertErrorThenClose(connection, 408, "request not received in time");
        }
        assertCounted(408);
    }

    /** The next response is the JSON error {@code error} with {@code status}, and the server closes. */
    private static void assertErrorThenClose(RawConnection connection, int status, String error) {
        RawConnection.Response response = connection.read();
        assertEquals(status, response.status(), response.body());
        assertEquals("{\"error\":\"" + error + "\",\"status\":" + status + "}", response.body());
        assertEquals("close", response.header("Connection"));
        assertTrue(connection.closedByServer());
    }

    private static void assertCounted(int status) {
        String metrics = service.get("/metrics").body();
        assertTrue(metrics.contains("http_server_requests_total{route=\"unmatched\",status=\"" + status + "\"} "),
                metrics);
    }

    @Test
    void largeBodiesAreGzippedWhenAcceptedAndSmallOnesAreNot() throws IOException {
        String value = "compress me ".repeat(500);
        service.put("/api/data/zipped", value);
        HttpResponse<byte[]> zipped = sendForBytes(service.request("/api/data/zipped")
                .header("Accept-Encoding", "gzip").build());
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElseThrow());
        assertEquals("accept-encoding", zipped.headers().firstValue("Vary").orElseThrow().toLowerCase());
        String json = new String(new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes(),
                StandardCharsets.UTF_8);
        assertTrue(json.contains(value));

        HttpResponse<byte[]> hello = sendForBytes(service.request("/").header("Accept-Encoding", "gzip").build());
        assertFalse(hello.headers().firstValue("Content-Encoding").isPresent());
        assertArrayEquals("Hello, World!".getBytes(StandardCharsets.US_ASCII), hello.body());
    }

    @Test
    void absoluteFormTargetIsRoutedByItsPath() {
        try (RawConnection connection = service.connect()) {
            connection.send("GET http://test/healthz HTTP/1.1\r\nHost: test\r\n\r\n");
            RawConnection.Response response = connection.read();
            assertEquals(200, response.status());
            assertNotNull(response.body());
        }
    }

    private static HttpResponse<byte[]> sendForBytes(HttpRequest request) {
        try {
            return service.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
