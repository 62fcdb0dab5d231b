package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.http.store.KvStore;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store that accepts connections and never answers: every API call still gets its 503 within the
 * store deadline, however many wait in line, and the event loops never wait for the store.
 */
class StoreDeadlineTest {

    /** Eight times the store's threads: most calls wait in its queue behind hung ones. */
    private static final int CALLS = 64;
    /** Room for a loaded machine; the calls themselves are cut off at the deadline. */
    private static final Duration MARGIN = Duration.ofSeconds(2);

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overSilentStore();

    @Test
    void everyCallIsAnswered503WithinTheDeadlineWhileHealthzStaysQuick() {
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            calls.add(service.client.sendAsync(service.request("/api/data/key-" + i).timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 5; i++) {
            long asked = System.nanoTime();
            assertEquals(200, service.get("/healthz").statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - asked).compareTo(Duration.ofSeconds(1)) < 0,
                    "/healthz waited for the store");
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            assertEquals(503, response.statusCode(), response.body());
            assertEquals("2", response.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(response.body().startsWith("{\"error\":\"KV store "), response.body());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(KvStore.DEADLINE.plus(MARGIN)) < 0, "the last 503 came after " + took);
    }
}
