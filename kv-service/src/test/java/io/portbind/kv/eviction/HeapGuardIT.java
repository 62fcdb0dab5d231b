package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * The jar with a 64 MB heap and no maxmemory: a client stores 100 KB values until it is refused with the OOM error
 * instead of the JVM running out of heap; the process stays up, answers reads and deletes, takes writes again once
 * the data is gone, and stops cleanly.
 */
class HeapGuardIT {

    private static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    private static final int VALUE_BYTES = 100 * 1024;
    /** 200 MB in all: far more than the heap, so the refusal must come. */
    private static final int MAX_WRITES = 2_000;
    private static final Duration LOAD_TIME = Duration.ofSeconds(90);
    private static final Duration RECOVERY = Duration.ofSeconds(20);

    @Test
    void writesBeyondTheHeapAreRefusedAndTheServerStaysUp() throws Exception {
        Map<String, String> environment = Map.of("PORT", "0", "JAVA_TOOL_OPTIONS", "-Xmx64m");
        try (ServiceProcess process = ServiceProcess.start(ServiceProcess.jar("kv-service"), environment)) {
            int port = process.awaitListening(Duration.ofSeconds(30));
            try (Jedis jedis = new Jedis("127.0.0.1", port, 30_000)) {
                byte[] value = new byte[VALUE_BYTES];
                value[0] = 42;
                int stored = 0;
                String refusal = null;
                long deadline = System.nanoTime() + LOAD_TIME.toNanos();
                while (refusal == null && stored < MAX_WRITES && System.nanoTime() < deadline) {
                    try {
                        jedis.set(("big:" + stored).getBytes(), value);
                        stored++;
                    } catch (JedisDataException refused) {
                        refusal = refused.getMessage();
                    }
                }
                assertEquals(OOM, refusal, "refused after " + stored + " values");
                assertTrue(stored > 100, "only " + stored + " values fitted in a 64 MB heap");
                assertEquals("PONG", jedis.ping());
                assertEquals(stored, jedis.dbSize());
                assertArrayEquals(value, jedis.get("big:0".getBytes()));
                assertEquals(1, jedis.del("big:0"));
                assertTrue(jedis.info("memory").contains("used_memory:"));
                assertEquals("OK", jedis.flushAll());
                assertTrue(writesAgainWithin(jedis, RECOVERY), "writes accepted again once the data is gone");
            }
            assertEquals(0, process.terminate(Duration.ofSeconds(20)));
        }
    }

    private static boolean writesAgainWithin(Jedis jedis, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                jedis.set("small", "v");
                return true;
            } catch (JedisDataException stillRefused) {
                Thread.sleep(100);
            }
        }
        return false;
    }
}
