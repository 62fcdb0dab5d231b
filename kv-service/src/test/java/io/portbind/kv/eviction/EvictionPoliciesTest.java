package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.testing.KvServerTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Each maxmemory-policy evicts what it should once INFO's used_memory is over maxmemory: the LRU policy keeps
 * recently read keys, LFU frequently read ones, volatile-ttl evicts the shortest TTL first, volatile policies never
 * touch keys without a TTL and refuse writes when only those are left; memory stays under the limit during a load.
 */
class EvictionPoliciesTest extends KvServerTest {

    private static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    private static final String VALUE = "v".repeat(1_000);
    /** How long a test waits for background eviction to bring memory under the limit. */
    private static final long SETTLE_MILLIS = 5_000;

    @BeforeEach
    void resetStats() {
        redis.configResetStat();
    }

    @AfterEach
    void removeTheLimit() {
        redis.configSet("maxmemory", "0", "maxmemory-policy", "noeviction");
    }

    @Test
    void allkeysLruKeepsRecentlyReadKeys() throws InterruptedException {
        redis.configSet("maxmemory-policy", "allkeys-lru");
        load("k", 200, -1);
        Thread.sleep(2_100); // the LRU clock ticks once a second
        for (int i = 0; i < 50; i++) {
            redis.get("k" + i);
        }
        long limit = limitTo(0.6);
        assertEquals(50, surviving("k", 0, 50), "recently read keys survive");
        assertTrue(surviving("k", 50, 200) <= 100, "about 40% of the keys had to go");
        assertTrue(used() <= limit);
        assertTrue(stat("evicted_keys") >= 60, "evicted_keys: " + stat("evicted_keys"));
        assertTrue(redis.info("memory").contains("maxmemory:" + limit + "\r\n"));
        assertTrue(redis.info("memory").contains("maxmemory_policy:allkeys-lru\r\n"));
    }

    @Test
    void allkeysLfuKeepsFrequentlyReadKeys() {
        redis.configSet("maxmemory-policy", "allkeys-lfu");
        load("k", 200, -1);
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 50; i++) {
                redis.get("k" + i);
            }
        }
        limitTo(0.6);
        assertTrue(surviving("k", 0, 50) >= 48, "frequently read keys survive: " + surviving("k", 0, 50));
        assertTrue(surviving("k", 50, 200) <= 100);
    }

    @Test
    void allkeysRandomEvictsFromEveryDatabase() {
        redis.configSet("maxmemory-policy", "allkeys-random");
        load("a", 100, -1);
        redis.select(1);
        load("b", 100, -1);
        long limit = limitTo(0.5);
        long inOne = redis.dbSize();
        redis.select(0);
        long inZero = redis.dbSize();
        assertTrue(inZero < 100 && inOne < 100 && inZero + inOne <= 110, inZero + " and " + inOne + " keys left");
        assertTrue(used() <= limit);
    }

    @Test
    void volatileTtlEvictsTheShortestTtlFirst() {
        // Redis's largest sample, 64 of these 100 keys per round, so that the ranking the pool keeps shows, not the
        // luck of five samples (which left 8 of the 30 shortest now and then).
        redis.configSet("maxmemory-policy", "volatile-ttl", "maxmemory-samples", "64");
        try (Pipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < 100; i++) {
                pipeline.setex("t" + i, 1_000 + i * 10L, VALUE);
            }
        }
        limitTo(0.6);
        // Still sampled, as Redis's pool is: a long TTL is rarely taken, never many (a random choice would leave
        // about 18 of these 30).
        assertTrue(surviving("t", 70, 100) >= 27, "the longest TTLs survive: " + surviving("t", 70, 100) + " left");
        assertTrue(surviving("t", 0, 30) <= 6, "the shortest TTLs go first: " + surviving("t", 0, 30) + " left");
    }

    @Test
    void volatilePoliciesNeverEvictKeysWithoutTtlAndRefuseWritesWhenOnlyTheyAreLeft() {
        for (String policy : List.of("volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl")) {
            redis.flushAll();
            redis.configSet("maxmemory", "0", "maxmemory-policy", policy);
            load("plain", 50, -1);
            long withoutTtl = used();
            load("ttl", 50, 1_000);
            redis.configSet("maxmemory", Long.toString(withoutTtl - 1_000));
            awaitUnder(withoutTtl);
            assertEquals(50, surviving("plain", 0, 50), policy);
            assertEquals(0, surviving("ttl", 0, 50), policy);
            assertEquals(OOM, assertThrows(JedisDataException.class, () -> redis.set("new", "v")).getMessage());
            assertEquals(VALUE, redis.get("plain0"), policy + ": reads work");
            assertEquals(1, redis.del("plain0"), policy + ": deletes work");
        }
    }

    @Test
    void memoryStaysUnderMaxmemoryDuringALoad() {
        long limit = 1L << 20;
        redis.configSet("maxmemory-policy", "allkeys-lru", "maxmemory", "1mb");
        for (int batch = 0; batch < 10; batch++) {
            try (Pipeline pipeline = redis.pipelined()) {
                for (int i = 0; i < 500; i++) {
                    pipeline.set("load" + batch + ":" + i, VALUE);
                }
            }
            long used = used();
            // Eviction runs before each command, so one write (and the table it may grow) can be over.
            assertTrue(used <= limit + limit / 10, "batch " + batch + ": used_memory " + used);
        }
        assertTrue(redis.dbSize() < 2_000, "5000 keys of 1 KB cannot fit in 1 MB: " + redis.dbSize());
        assertTrue(stat("evicted_keys") > 3_000);
    }

    @Test
    void noevictionRefusesWritesButReadsAndDeletesWork() {
        redis.set("k", "v");
        redis.rpush("list", "a");
        redis.configSet("maxmemory", "1");
        assertEquals(OOM, assertThrows(JedisDataException.class, () -> redis.set("k2", "v")).getMessage());
        assertEquals(OOM, assertThrows(JedisDataException.class, () -> redis.rpush("list", "b")).getMessage());
        assertEquals("v", redis.get("k"));
        assertEquals(List.of("a"), redis.lrange("list", 0, -1));
        assertEquals(2, redis.del("k", "list"));
        assertTrue(redis.info("errorstats").contains("errorstat_OOM:count=2"));
    }

    @Test
    void execOfAQueuedWriteIsAbortedWhenMemoryRanOutMeanwhile() {
        try (Jedis other = server.jedis()) {
            redis.sendCommand(Protocol.Command.MULTI);
            assertEquals("QUEUED", SafeEncoder.encode((byte[]) redis.sendCommand(Protocol.Command.SET, "k", "v")));
            other.configSet("maxmemory", "1");
            JedisDataException error = assertThrows(JedisDataException.class,
                    () -> redis.sendCommand(Protocol.Command.EXEC));
            assertEquals("EXECABORT Transaction discarded because of: " + OOM, error.getMessage());
        }
        assertNull(redis.get("k"));
    }

    @Test
    void anEvictedKeyIsADeletionForWatchAndIsAnnounced() {
        List<String> announced = new CopyOnWriteArrayList<>();
        server.state().keyspace().addListener(new KeyspaceListener() {
            @Override
            public void keyEvicted(int db, byte[] key) {
                announced.add(db + ":" + new String(key, StandardCharsets.UTF_8));
            }
        });
        redis.configSet("maxmemory-policy", "allkeys-random");
        load("k", 100, -1);
        String[] all = new String[100];
        for (int i = 0; i < all.length; i++) {
            all[i] = "k" + i;
        }
        redis.watch(all);
        try (Jedis other = server.jedis()) {
            other.configSet("maxmemory", Long.toString(used() / 2));
        }
        Transaction transaction = redis.multi();
        transaction.set("x", "1");
        assertNull(transaction.exec(), "a watched key was evicted");
        long evicted = stat("evicted_keys");
        assertTrue(evicted > 0 && announced.size() == evicted, announced.size() + " announced, " + evicted);
        assertTrue(announced.get(0).startsWith("0:k"));
    }

    /** Stores {@code count} keys of 1 KB named {@code prefix0, prefix1, ...}, with a TTL unless it is negative. */
    private void load(String prefix, int count, long ttlSeconds) {
        try (Pipeline pipeline = redis.pipelined()) {
            for (int i = 0; i < count; i++) {
                if (ttlSeconds < 0) {
                    pipeline.set(prefix + i, VALUE);
                } else {
                    pipeline.setex(prefix + i, ttlSeconds, VALUE);
                }
            }
        }
    }

    /** Sets maxmemory to {@code fraction} of what is used now and waits until eviction has made it so. */
    private long limitTo(double fraction) {
        long limit = (long) (used() * fraction);
        redis.configSet("maxmemory", Long.toString(limit));
        awaitUnder(limit);
        return limit;
    }

    private void awaitUnder(long limit) {
        long deadline = System.currentTimeMillis() + SETTLE_MILLIS;
        while (used() > limit && System.currentTimeMillis() < deadline) {
            redis.ping();
        }
    }

    /** How many of {@code prefix<from>} to {@code prefix<to - 1>} exist. */
    private long surviving(String prefix, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            count += redis.exists(prefix + i) ? 1 : 0;
        }
        return count;
    }

    private long used() {
        return field(redis.info("memory"), "used_memory");
    }

    private long stat(String name) {
        return field(redis.info("stats"), name);
    }

    private static long field(String info, String name) {
        for (String line : info.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1));
            }
        }
        throw new AssertionError(name + " not in " + info);
    }
}
