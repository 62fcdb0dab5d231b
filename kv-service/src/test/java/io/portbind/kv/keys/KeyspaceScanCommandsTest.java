package io.portbind.kv.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** KEYS, SCAN and RANDOMKEY with Jedis, in RESP2 and RESP3. */
class KeyspaceScanCommandsTest extends KvServerTest {

    @Test
    void keysMatchesAGlobPattern() {
        redis.mset("user:1", "a", "user:2", "b", "session:1", "c");
        assertEquals(Set.of("user:1", "user:2"), redis.keys("user:*"));
        assertEquals(Set.of("user:1", "user:2", "session:1"), redis.keys("*"));
        assertEquals(Set.of("session:1"), redis.keys("s?ssion:[0-9]"));
        assertEquals(Set.of(), redis.keys("nothing*"));
    }

    @Test
    void keysLeavesOutExpiredKeys() throws InterruptedException {
        redis.set("stays", "v");
        redis.psetex("goes", 20, "v");
        Thread.sleep(50);
        assertEquals(Set.of("stays"), redis.keys("*"));
    }

    @Test
    void aFullScanReturnsEveryKeyWhileOthersAreAddedAndDeleted() {
        for (int i = 0; i < 2_000; i++) {
            redis.set("stable:" + i, "v");
        }
        Set<String> seen = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        int calls = 0;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().count(50));
            seen.addAll(page.getResult());
            cursor = page.getCursor();
            // Enough churn between calls that the key table resizes during the iteration.
            for (int i = 0; i < 100; i++) {
                redis.set("churn:" + calls + ":" + i, "v");
            }
            calls++;
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START) && calls < 10_000);
        assertEquals(ScanParams.SCAN_POINTER_START, cursor);
        for (int i = 0; i < 2_000; i++) {
            assertTrue(seen.contains("stable:" + i), "stable:" + i + " was returned");
        }
        assertTrue(calls > 10, "COUNT 50 over 2000 keys takes many calls, took " + calls);
    }

    @Test
    void scanFiltersByPatternAndType() {
        redis.mset("str:1", "a", "str:2", "b");
        redis.rpush("list:1", "x");
        redis.hset("hash:1", "f", "v");
        assertEquals(Set.of("str:1", "str:2"), scanAll(cursor -> redis.scan(cursor, new ScanParams().match("str:*"))));
        assertEquals(Set.of("list:1"), scanAll(cursor -> redis.scan(cursor, new ScanParams().match("l*").count(1000))));
        assertEquals(Set.of("hash:1"), scanAll(cursor -> redis.scan(cursor, new ScanParams(), "HASH")));
        assertEquals(Set.of(), scanAll(cursor -> redis.scan(cursor, new ScanParams(), "nosuchtype")));
    }

    @Test
    void scanErrorsAreRedis() {
        assertEquals("ERR invalid cursor",
                assertThrows(JedisDataException.class, () -> redis.scan("abc")).getMessage());
        assertEquals("ERR syntax error",
                assertThrows(JedisDataException.class, () -> redis.scan("0", new ScanParams().count(0))).getMessage());
        assertEquals("ERR syntax error", assertThrows(JedisDataException.class,
                () -> redis.sendCommand(Protocol.Command.SCAN, "0", "MATCH")).getMessage());
    }

    @Test
    void randomKeyIsALiveKeyOrNull() {
        assertNull(redis.randomKey());
        redis.mset("a", "1", "b", "2");
        for (int i = 0; i < 20; i++) {
            assertTrue(List.of("a", "b").contains(redis.randomKey()));
        }
    }

    @Test
    void scanPagesInResp3() {
        try (Jedis resp3 = server.jedisResp3()) {
            resp3.mset("a", "1", "b", "2");
            assertEquals(Set.of("a", "b"), scanAll(cursor -> resp3.scan(cursor)));
            assertEquals(Set.of("a", "b"), resp3.keys("*"));
        }
    }

    /** Every key a whole iteration returns, {@code page} giving the page at a cursor. */
    private static Set<String> scanAll(Function<String, ScanResult<String>> page) {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> result = page.apply(cursor);
            keys.addAll(result.getResult());
            cursor = result.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }
}
