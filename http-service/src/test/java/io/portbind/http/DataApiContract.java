package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The JSON API: request, expected status and body. Runs over each kind of store the service is
 * meant to work with unchanged; the subclasses choose the store.
 */
abstract class DataApiContract {

    /** The service under test, started over the subclass's store. */
    abstract HttpServiceUnderTest service();

    @Test
    void putCreatesThenReplaces() {
        HttpResponse<String> created = service().put("/api/data/greeting", "hello");
        assertEquals(201, created.statusCode());
        assertEquals("/api/data/greeting", created.headers().firstValue("Location").orElseThrow());
        assertEquals("{\"key\":\"greeting\",\"value\":\"hello\",\"ttl\":null}", created.body());

        assertEquals(204, service().put("/api/data/greeting", "hello again").statusCode());
        assertEquals("{\"key\":\"greeting\",\"value\":\"hello again\",\"ttl\":null}",
                service().get("/api/data/greeting").body());
    }

    @Test
    void getOfAMissingKeyIs404() {
        HttpResponse<String> response = service().get("/api/data/never-written");
        assertEquals(404, response.statusCode());
        assertEquals("{\"error\":\"no such key\",\"status\":404}", response.body());
    }

    @Test
    void ttlIsSetAndReported() {
        assertEquals(201, service().put("/api/data/session?ttl=100", "token").statusCode());
        HttpResponse<String> response = service().get("/api/data/session");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().matches("\\{\"key\":\"session\",\"value\":\"token\",\"ttl\":(99|100)}"),
                response.body());
    }

    @Test
    void invalidTtlIs400() {
        for (String ttl : new String[] {"0", "-5", "abc", "1.5", "99999999999999"}) {
            HttpResponse<String> response = service().put("/api/data/bad-ttl?ttl=" + ttl, "v");
            assertEquals(400, response.statusCode(), ttl);
            assertTrue(response.body().startsWith("{\"error\":\"ttl must be"), response.body());
        }
        assertEquals(404, service().get("/api/data/bad-ttl").statusCode());
    }

    @Test
    void deleteIs204ThenGone() {
        service().put("/api/data/doomed", "x");
        assertEquals(204, service().delete("/api/data/doomed").statusCode());
        assertEquals(404, service().get("/api/data/doomed").statusCode());
        assertEquals(404, service().delete("/api/data/doomed").statusCode());
    }

    @Test
    void keysAndValuesKeepTheirCharacters() {
        assertEquals(201, service().put("/api/data/caf%C3%A9%20%2F%20%22bar%22", "line 1\n\"quoted\" \u00e9\u2603")
                .statusCode());
        HttpResponse<String> response = service().get("/api/data/caf%C3%A9%20%2F%20%22bar%22");
        assertEquals("{\"key\":\"caf\u00e9 / \\\"bar\\\"\","
                + "\"value\":\"line 1\\n\\\"quoted\\\" \u00e9\u2603\",\"ttl\":null}",
                response.body());
    }

    @Test
    void aValueThatIsNotUtf8Is400NotSilentlyChanged() {
        // a byte that is never UTF-8, a cut sequence, an encoded surrogate, an overlong slash
        for (byte[] body : new byte[][] {{'a', (byte) 0xff}, {(byte) 0xc3, '('},
            {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}}) {
            HttpResponse<String> response = service().send(service().request("/api/data/not-text")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
            assertEquals(400, response.statusCode());
            assertEquals("{\"error\":\"the value must be UTF-8 text\",\"status\":400}", response.body());
        }
        assertEquals(404, service().get("/api/data/not-text").statusCode());
    }

    @Test
    void listingPagesThroughKeysWithAPrefix() {
        for (int i = 0; i < 150; i++) {
            service().put("/api/data/list:" + i, "v");
        }
        service().put("/api/data/other", "v");
        int seen = 0;
        String cursor = "0";
        do {
            HttpResponse<String> page = service().get("/api/data?prefix=list:&cursor=" + cursor);
            assertEquals(200, page.statusCode());
            String body = page.body();
            assertTrue(body.startsWith("{\"prefix\":\"list:\",\"keys\":["), body);
            assertTrue(!body.contains("\"other\""), body);
            seen += body.split("\"list:").length - 2;
            cursor = body.replaceAll(".*\"cursor\":\"([0-9]+)\".*", "$1");
        } while (!cursor.equals("0"));
        assertTrue(seen >= 150, "saw " + seen);
    }

    @Test
    void listingRejectsABadCursor() {
        assertEquals(400, service().get("/api/data?cursor=abc").statusCode());
        // Twenty digits, but past 2^64 - 1: no SCAN cursor, so the client's mistake, not the store's.
        assertEquals(400, service().get("/api/data?cursor=99999999999999999999").statusCode());
        assertEquals(200, service().get("/api/data?cursor=18446744073709551615").statusCode());
    }

    @Test
    void storeOutageIs503WithRetryAfterAndRecoversByItself() throws InterruptedException {
        service().put("/api/data/survivor", "before");
        service().store().stop();
        try {
            for (String path : new String[] {"/api/data/survivor", "/api/data?prefix=", "/readyz"}) {
                HttpResponse<String> down = service().get(path);
                assertEquals(503, down.statusCode(), path);
                assertEquals("2", down.headers().firstValue("Retry-After").orElseThrow());
                assertTrue(down.body().startsWith("{\"error\":\"KV store unreachable at redis://127.0.0.1:"),
                        down.body());
            }
            assertEquals(503, service().put("/api/data/survivor", "during").statusCode());
            assertEquals(503, service().delete("/api/data/survivor").statusCode());
            assertEquals(200, service().get("/healthz").statusCode(), "liveness does not depend on the store");
        } finally {
            service().store().startAgain();
        }
        // The restarted store is empty (nothing persisted); the API works again without a restart.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (service().get("/readyz").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "readyz did not recover");
            Thread.sleep(100);
        }
        assertEquals(201, service().put("/api/data/survivor", "after").statusCode());
        assertEquals(200, service().get("/api/data/survivor").statusCode());
    }
}
