package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * No acknowledged write is lost with {@code appendfsync always}: the jar runs a bounded write load from several
 * clients, is killed with SIGKILL mid-load, restarts on the same directory, and every write a client got a reply
 * for is there. Three rounds on one directory, each restart also replaying what the rounds before wrote.
 */
class AofCrashIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;
    private static final int MAX_WRITES_PER_CLIENT = 3000;
    private static final long LOAD_MILLIS = 1500;

    @Test
    void everyAcknowledgedWriteSurvivesKillMinusNine(@TempDir Path dir) throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Long> counters = new ConcurrentHashMap<>();
        for (int round = 0; round < 3; round++) {
            try (ServiceProcess kv = start(dir)) {
                int port = kv.awaitListening(START);
                verify(port, acknowledged, counters);
                load(port, round, acknowledged, counters);
            } // close() is destroyForcibly: SIGKILL while clients may still be writing
        }
        try (ServiceProcess kv = start(dir)) {
            verify(kv.awaitListening(START), acknowledged, counters);
            assertEquals(0, kv.terminate(START));
        }
    }

    private static ServiceProcess start(Path dir) {
        return ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"), "--dir", dir.toString(),
                "--appendonly", "yes", "--appendfsync", "always");
    }

    /** Each client sets its own keys and increments its own counter, recording what was acknowledged. */
    private static void load(int port, int round, Map<String, String> acknowledged, Map<String, Long> counters)
            throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        long deadline = System.currentTimeMillis() + LOAD_MILLIS;
        for (int c = 0; c < CLIENTS; c++) {
            String client = "r" + round + "c" + c;
            running.add(clients.submit(() -> {
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                    for (int i = 0; i < MAX_WRITES_PER_CLIENT && System.currentTimeMillis() < deadline; i++) {
                        String key = client + ":" + i;
                        jedis.set(key, "v" + i);
                        acknowledged.put(key, "v" + i);
                        counters.put(client, jedis.incr("counter:" + client));
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdownNow();
        assertTrue(acknowledged.size() > CLIENTS, "the load wrote something");
    }

    private static void verify(int port, Map<String, String> acknowledged, Map<String, Long> counters) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            acknowledged.forEach((key, value) -> assertEquals(value, jedis.get(key), key));
            counters.forEach((client, value) -> {
                String stored = jedis.get("counter:" + client);
                assertNotNull(stored, client);
                assertTrue(Long.parseLong(stored) >= value, client + " counter " + stored + " < " + value);
            });
        }
    }
}
