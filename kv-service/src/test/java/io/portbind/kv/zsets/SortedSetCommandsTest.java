package io.portbind.kv.zsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.testing.KvServerTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.ZAddParams;
import redis.clients.jedis.params.ZIncrByParams;
import redis.clients.jedis.params.ZParams;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

class SortedSetCommandsTest extends KvServerTest {

    @Test
    void addCountsNewMembersAndChCountsChangedOnes() {
        assertEquals(2, redis.zadd("z", Map.of("a", 1.0, "b", 2.0)));
        assertEquals(0, redis.zadd("z", 5, "a"));
        assertEquals(1, redis.zadd("z", Map.of("a", 6.0, "c", 3.0), ZAddParams.zAddParams().ch().xx()));
        assertEquals(6.0, redis.zscore("z", "a"));
        assertNull(redis.zscore("z", "c"));
    }

    @Test
    void gtAndLtOnlyMoveScoresOneWay() {
        redis.zadd("z", 5, "a");
        redis.zadd("z", 3, "a", ZAddParams.zAddParams().gt());
        assertEquals(5.0, redis.zscore("z", "a"));
        redis.zadd("z", 3, "a", ZAddParams.zAddParams().lt());
        assertEquals(3.0, redis.zscore("z", "a"));
    }

    @Test
    void incrementReturnsTheNewScoreOrNullWhenNotApplied() {
        assertEquals(1.5, redis.zincrby("z", 1.5, "a"));
        assertEquals(4.0, redis.zaddIncr("z", 2.5, "a", ZAddParams.zAddParams()));
        assertNull(redis.zincrby("z", 1, "a", ZIncrByParams.zIncrByParams().nx()));
    }

    @Test
    void incompatibleOptionsAreRefusedWithRedisTexts() {
        assertEquals("ERR XX and NX options at the same time are not compatible",
                error("ZADD", "z", "NX", "XX", "1", "a"));
        assertEquals("ERR GT, LT, and/or NX options at the same time are not compatible",
                error("ZADD", "z", "GT", "LT", "1", "a"));
        assertEquals("ERR INCR option supports a single increment-element pair",
                error("ZADD", "z", "INCR", "1", "a", "2", "b"));
        assertEquals("ERR value is not a valid float", error("ZADD", "z", "nan", "a"));
        redis.zadd("z", Double.POSITIVE_INFINITY, "a");
        assertEquals("ERR resulting score is not a number (NaN)", error("ZINCRBY", "z", "-inf", "a"));
    }

    @Test
    void ranksAndRangesByRank() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0));
        assertEquals(0, redis.zrank("z", "a"));
        assertEquals(0, redis.zrevrank("z", "d"));
        assertNull(redis.zrank("z", "x"));
        assertEquals(List.of("b", "c"), redis.zrange("z", 1, 2));
        assertEquals(List.of("d", "c"), redis.zrevrange("z", 0, 1));
        assertEquals(List.of(new Tuple("d", 4.0)), redis.zrangeWithScores("z", -1, -1));
    }

    @Test
    void rangesByScoreWithExclusiveBoundsInfinitiesAndLimit() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0));
        assertEquals(List.of("c", "d"), redis.zrangeByScore("z", "(2", "+inf"));
        assertEquals(List.of("b", "a"), redis.zrevrangeByScore("z", "(3", "-inf"));
        assertEquals(List.of("b", "c"), redis.zrangeByScore("z", "-inf", "+inf", 1, 2));
        assertEquals(List.of("c", "b"), redis.zrange("z", ZRangeParams.zrangeByScoreParams(4, 1).rev().limit(1, 2)));
        assertEquals(3, redis.zcount("z", "(1", "4"));
        assertEquals("ERR min or max is not a float",
                assertThrows(JedisDataException.class, () -> redis.zcount("z", "x", "1")).getMessage());
    }

    @Test
    void rangesByLex() {
        redis.zadd("l", Map.of("a", 0.0, "b", 0.0, "c", 0.0, "d", 0.0));
        assertEquals(List.of("b", "c"), redis.zrangeByLex("l", "[b", "(d"));
        assertEquals(List.of("d", "c"), redis.zrevrangeByLex("l", "+", "(b"));
        assertEquals(4, redis.zlexcount("l", "-", "+"));
        assertEquals("ERR min or max not valid string range item",
                assertThrows(JedisDataException.class, () -> redis.zlexcount("l", "a", "+")).getMessage());
        assertEquals(2, redis.zremrangeByLex("l", "[a", "[b"));
        assertEquals(List.of("c", "d"), redis.zrange("l", 0, -1));
    }

    @Test
    void rangeStoreWritesTheDestination() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertEquals(2, redis.zrangestore("dst", "z", ZRangeParams.zrangeParams(0, 1)));
        assertEquals(List.of(new Tuple("a", 1.0), new Tuple("b", 2.0)), redis.zrangeWithScores("dst", 0, -1));
    }

    @Test
    void popsTakeFromEitherEndAndDeleteTheEmptiedKey() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertEquals(new Tuple("a", 1.0), redis.zpopmin("z"));
        assertEquals(List.of(new Tuple("c", 3.0), new Tuple("b", 2.0)), redis.zpopmax("z", 5));
        assertFalse(redis.exists("z"));
        assertNull(redis.zpopmin("z"));
    }

    @Test
    void removalsByRankAndScore() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0, "d", 4.0));
        assertEquals(1, redis.zremrangeByRank("z", 0, 0));
        assertEquals(2, redis.zremrangeByScore("z", "(2", "4"));
        assertEquals(1, redis.zrem("z", "b", "x"));
        assertFalse(redis.exists("z"));
    }

    @Test
    void unionInterDiffWithWeightsAndAggregate() {
        redis.zadd("a", Map.of("x", 1.0, "y", 2.0));
        redis.zadd("b", Map.of("y", 10.0, "z", 20.0));
        assertEquals(3, redis.zunionstore("u", new ZParams().weights(2, 1), "a", "b"));
        assertEquals(14.0, redis.zscore("u", "y"));
        assertEquals(1, redis.zinterstore("i", new ZParams().aggregate(ZParams.Aggregate.MAX), "a", "b"));
        assertEquals(10.0, redis.zscore("i", "y"));
        assertEquals(1, redis.zdiffstore("d", "a", "b"));
        assertEquals(List.of("x"), redis.zdiff("a", "b"));
        assertEquals(List.of("x", "y", "z"), redis.zunion(new ZParams(), "a", "b"));
        assertEquals("ERR at least 1 input key is needed for 'zunionstore' command",
                error("ZUNIONSTORE", "u", "0", "a"));
    }

    @Test
    void plainSetsJoinWithScoreOne() {
        redis.sadd("s", "x", "q");
        redis.zadd("a", 5, "x");
        assertEquals(List.of(new Tuple("x", 6.0)), redis.zinterWithScores(new ZParams(), "a", "s"));
    }

    @Test
    void randomMembers() {
        redis.zadd("z", Map.of("a", 1.0, "b", 2.0, "c", 3.0));
        assertEquals(2, new HashSet<>(redis.zrandmember("z", 2)).size());
        assertEquals(7, redis.zrandmember("z", -7).size());
        assertTrue(Set.of("a", "b", "c").contains(redis.zrandmember("z")));
        assertEquals(3, redis.zrandmemberWithScores("z", 10).size());
    }

    @Test
    void scanABigSortedSetWithARealCursor() {
        for (int i = 0; i < 300; i++) {
            redis.zadd("big", i, "m" + i);
        }
        Set<String> seen = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        int calls = 0;
        do {
            ScanResult<Tuple> page = redis.zscan("big", cursor, new ScanParams().count(20));
            page.getResult().forEach(tuple -> seen.add(tuple.getElement()));
            cursor = page.getCursor();
            calls++;
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        assertTrue(calls > 1);
        assertEquals(300, seen.size());
    }

    @Test
    void scoresAreFormattedAsRedis70Does() {
        redis.zadd("z", Map.of("a", 1.1, "b", 1e20, "c", Double.NEGATIVE_INFINITY));
        List<?> reply = (List<?>) redis.sendCommand(() -> "ZRANGE".getBytes(), "z", "0", "-1", "WITHSCORES");
        List<String> texts = reply.stream().map(item -> new String((byte[]) item, StandardCharsets.UTF_8)).toList();
        assertEquals(List.of("c", "-inf", "a", "1.1000000000000001", "b", "1e+20"), texts);
    }

    @Test
    void resp3RepliesDoublesAndScorePairs() {
        try (Jedis resp3 = server.jedisResp3()) {
            resp3.zadd("z", Map.of("a", 1.5, "b", 2.0));
            assertEquals(1.5, resp3.zscore("z", "a"));
            assertEquals(3.5, resp3.zincrby("z", 2, "a"));
            assertEquals(List.of(new Tuple("b", 2.0), new Tuple("a", 3.5)), resp3.zrangeWithScores("z", 0, -1));
            assertEquals(List.of(new Tuple("b", 2.0)), resp3.zpopmin("z", 1));
        }
    }

    @Test
    void wrongTypeErrors() {
        redis.set("str", "v");
        assertThrows(JedisDataException.class, () -> redis.zadd("str", 1, "a"));
        assertThrows(JedisDataException.class, () -> redis.zrange("str", 0, -1));
        assertThrows(JedisDataException.class, () -> redis.zunionstore("out", "str"));
    }

    private String error(String... command) {
        return assertThrows(JedisDataException.class, () -> redis.sendCommand(command[0]::getBytes,
                Arrays.copyOfRange(command, 1, command.length))).getMessage();
    }
}
