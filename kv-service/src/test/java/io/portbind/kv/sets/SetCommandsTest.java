package io.portbind.kv.sets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class SetCommandsTest extends KvServerTest {

    private static final String WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";

    @Test
    void addCountsOnlyNewMembers() {
        assertEquals(3, redis.sadd("s", "a", "b", "c"));
        assertEquals(1, redis.sadd("s", "a", "d"));
        assertEquals(4, redis.scard("s"));
        assertEquals(Set.of("a", "b", "c", "d"), redis.smembers("s"));
    }

    @Test
    void removingTheLastMemberDeletesTheKey() {
        redis.sadd("s", "a", "b");
        assertEquals(1, redis.srem("s", "a", "x"));
        assertEquals(1, redis.srem("s", "b"));
        assertFalse(redis.exists("s"));
    }

    @Test
    void membershipOfOneAndOfMany() {
        redis.sadd("s", "a", "1");
        assertTrue(redis.sismember("s", "a"));
        assertFalse(redis.sismember("s", "b"));
        assertEquals(List.of(true, false, true), redis.smismember("s", "a", "b", "1"));
        assertEquals(List.of(false), redis.smismember("missing", "a"));
    }

    @Test
    void moveBetweenSets() {
        redis.sadd("from", "a", "b");
        assertEquals(1, redis.smove("from", "to", "a"));
        assertEquals(0, redis.smove("from", "to", "x"));
        assertEquals(Set.of("b"), redis.smembers("from"));
        assertEquals(Set.of("a"), redis.smembers("to"));
    }

    @Test
    void popRemovesWhatItReturns() {
        redis.sadd("s", "a", "b", "c", "d");
        String one = redis.spop("s");
        Set<String> two = redis.spop("s", 2);
        assertEquals(2, two.size());
        assertFalse(two.contains(one));
        assertEquals(1, redis.scard("s"));
        assertEquals(1, redis.spop("s", 5).size());
        assertFalse(redis.exists("s"));
        assertNull(redis.spop("s"));
    }

    @Test
    void randomMembersAreDistinctForAPositiveCountAndMayRepeatForANegativeOne() {
        redis.sadd("s", "a", "b", "c");
        List<String> distinct = redis.srandmember("s", 2);
        assertEquals(2, new HashSet<>(distinct).size());
        assertEquals(3, redis.srandmember("s", 10).size());
        List<String> repeated = redis.srandmember("s", -20);
        assertEquals(20, repeated.size());
        assertTrue(Set.of("a", "b", "c").containsAll(repeated));
        assertEquals(3, redis.scard("s"));
    }

    @Test
    void interUnionDiffAndTheirStoreForms() {
        redis.sadd("a", "1", "2", "3");
        redis.sadd("b", "2", "3", "4");
        assertEquals(Set.of("2", "3"), redis.sinter("a", "b"));
        assertEquals(Set.of("1", "2", "3", "4"), redis.sunion("a", "b"));
        assertEquals(Set.of("1"), redis.sdiff("a", "b"));
        assertEquals(2, redis.sinterstore("i", "a", "b"));
        assertEquals(4, redis.sunionstore("u", "a", "b"));
        assertEquals(1, redis.sdiffstore("d", "a", "b"));
        assertEquals(Set.of("1"), redis.smembers("d"));
        assertEquals(0, redis.sinterstore("d", "a", "missing"));
        assertFalse(redis.exists("d"));
    }

    @Test
    void interCardStopsAtTheLimit() {
        redis.sadd("a", "1", "2", "3");
        redis.sadd("b", "1", "2", "3");
        assertEquals(3, redis.sintercard("a", "b"));
        assertEquals(2, redis.sintercard(2, "a", "b"));
        JedisDataException error = assertThrows(JedisDataException.class,
                () -> redis.sendCommand(() -> "SINTERCARD".getBytes(), "0", "a"));
        assertEquals("ERR numkeys should be greater than 0", error.getMessage());
    }

    @Test
    void scanWalksABigSetWithARealCursor() {
        for (int i = 0; i < 600; i++) {
            redis.sadd("big", "member" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        int calls = 0;
        do {
            ScanResult<String> page = redis.sscan("big", cursor, new ScanParams().count(50).match("member1*"));
            seen.addAll(page.getResult());
            cursor = page.getCursor();
            calls++;
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertTrue(calls > 1);
        assertEquals(111, seen.size());
    }

    @Test
    void wrongTypeErrors() {
        redis.set("str", "v");
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sadd("str", "a"));
        assertEquals(WRONGTYPE, error.getMessage());
        assertThrows(JedisDataException.class, () -> redis.sinter("str"));
        assertThrows(JedisDataException.class, () -> redis.smove("str", "x", "a"));
    }

    @Test
    void resp3RepliesSetsAsSets() {
        try (Jedis resp3 = server.jedisResp3()) {
            resp3.sadd("s", "a", "b");
            assertEquals(Set.of("a", "b"), resp3.smembers("s"));
            assertEquals(Set.of("a", "b"), resp3.sunion("s", "missing"));
            assertEquals(List.of(true, false), resp3.smismember("s", "a", "z"));
            assertEquals(2, resp3.srandmember("s", 5).size());
        }
    }
}
