package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Each key's access stamp as OBJECT IDLETIME and OBJECT FREQ show it: reads and writes update it, OBJECT, TYPE
 * and EXISTS do not, a client in CLIENT NO-TOUCH mode does not except by TOUCH; FREQ needs an LFU policy and
 * IDLETIME any other.
 */
class AccessStampsTest extends KvServerTest {

    /** The LRU clock ticks once a second: wait past two ticks to see an idle time of at least one second. */
    private static final long PAST_A_TICK_MILLIS = 2_100;

    @AfterEach
    void restorePolicy() {
        redis.configSet("maxmemory-policy", "noeviction", "lfu-log-factor", "10");
    }

    @Test
    void idleTimeCountsSecondsSinceTheLastAccess() throws InterruptedException {
        redis.set("read", "v");
        redis.set("peeked", "v");
        redis.set("touched", "v");
        assertEquals(0, redis.objectIdletime("read"));
        Thread.sleep(PAST_A_TICK_MILLIS);
        redis.get("read");
        redis.type("peeked");
        redis.exists("peeked");
        redis.objectEncoding("peeked");
        redis.touch("touched");
        // The LRU clock ticks once a second, as Redis's: a key read just now may already show one second.
        assertTrue(redis.objectIdletime("read") <= 1, "GET renews the access time");
        assertTrue(redis.objectIdletime("touched") <= 1, "TOUCH renews the access time");
        assertTrue(redis.objectIdletime("peeked") >= 2, "TYPE, EXISTS and OBJECT leave the access time");
        assertNull(redis.objectIdletime("missing"));
    }

    @Test
    void aNoTouchClientLeavesAccessTimesButTouchStillUpdatesThem() throws InterruptedException {
        redis.set("read", "v");
        redis.set("touched", "v");
        Thread.sleep(PAST_A_TICK_MILLIS);
        redis.sendCommand(Protocol.Command.CLIENT, "NO-TOUCH", "ON");
        redis.get("read");
        redis.touch("touched");
        assertTrue(redis.objectIdletime("read") >= 1);
        assertEquals(0, redis.objectIdletime("touched"));
        redis.sendCommand(Protocol.Command.CLIENT, "NO-TOUCH", "OFF");
        redis.get("read");
        assertEquals(0, redis.objectIdletime("read"));
    }

    @Test
    void freqCountsAccessesUnderAnLfuPolicy() {
        redis.configSet("maxmemory-policy", "allkeys-lfu", "lfu-log-factor", "0");
        redis.set("hot", "v");
        redis.set("cold", "v");
        assertEquals(5, redis.objectFreq("hot"), "a new key starts at LFU_INIT_VAL");
        for (int i = 0; i < 20; i++) {
            redis.get("hot");
        }
        // With lfu-log-factor 0 every access increments the counter.
        assertEquals(25, redis.objectFreq("hot"));
        assertEquals(5, redis.objectFreq("cold"));
        redis.set("hot", "new value");
        assertEquals(25, redis.objectFreq("hot"), "overwriting keeps the LFU data, as Redis's dbOverwrite");
        redis.sendCommand(Protocol.Command.CLIENT, "NO-TOUCH", "ON");
        redis.get("hot");
        assertEquals(25, redis.objectFreq("hot"));
        redis.sendCommand(Protocol.Command.CLIENT, "NO-TOUCH", "OFF");
        assertTrue(assertThrows(JedisDataException.class, () -> redis.objectIdletime("hot")).getMessage()
                .startsWith("ERR An LFU maxmemory policy is selected, idle time not tracked."));
    }

    @Test
    void freqNeedsAnLfuPolicy() {
        redis.set("k", "v");
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.objectFreq("k"));
        assertTrue(error.getMessage().startsWith("ERR An LFU maxmemory policy is not selected, access frequency"
                + " not tracked."), error.getMessage());
        assertNull(redis.objectFreq("missing"));
    }

    @Test
    void logarithmicIncrementsSlowDownAsTheCounterGrows() {
        redis.configSet("maxmemory-policy", "allkeys-lfu");
        redis.set("k", "v");
        for (int i = 0; i < 1_000; i++) {
            redis.get("k");
        }
        // With lfu-log-factor 10, a thousand hits take the counter to about 18 (Redis's table: 100 hits 10, 1000 18).
        long freq = redis.objectFreq("k");
        assertTrue(freq >= 12 && freq <= 25, "counter after 1000 hits: " + freq);
    }
}
