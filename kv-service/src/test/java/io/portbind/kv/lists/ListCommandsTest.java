package io.portbind.kv.lists;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.args.ListPosition;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.LPosParams;
import redis.clients.jedis.util.KeyValue;

class ListCommandsTest extends KvServerTest {

    @Test
    void pushesAtBothEndsAndReadsRanges() {
        assertEquals(3, redis.rpush("l", "a", "b", "c"));
        assertEquals(5, redis.lpush("l", "z", "y"));
        assertEquals(List.of("y", "z", "a", "b", "c"), redis.lrange("l", 0, -1));
        assertEquals(List.of("b", "c"), redis.lrange("l", -2, 100));
        assertEquals(List.of(), redis.lrange("l", 3, 1));
        assertEquals(5, redis.llen("l"));
        assertEquals(0, redis.llen("missing"));
    }

    @Test
    void pushxOnlyOnExistingLists() {
        assertEquals(0, redis.lpushx("missing", "a"));
        assertFalse(redis.exists("missing"));
        redis.rpush("l", "b");
        assertEquals(2, redis.lpushx("l", "a"));
        assertEquals(4, redis.rpushx("l", "c", "d"));
        assertEquals(List.of("a", "b", "c", "d"), redis.lrange("l", 0, -1));
    }

    @Test
    void popsOneOrACountAndDeletesTheEmptiedList() {
        redis.rpush("l", "a", "b", "c", "d");
        assertEquals("a", redis.lpop("l"));
        assertEquals("d", redis.rpop("l"));
        assertEquals(List.of("b", "c"), redis.lpop("l", 5));
        assertFalse(redis.exists("l"));
        assertNull(redis.lpop("l"));
        assertNull(redis.rpop("l", 2));
    }

    @Test
    void manyElementsThroughTheCircularArray() {
        for (int i = 0; i < 1000; i++) {
            redis.lpush("l", "h" + i);
            redis.rpush("l", "t" + i);
        }
        assertEquals(2000, redis.llen("l"));
        assertEquals("h999", redis.lindex("l", 0));
        assertEquals("t999", redis.lindex("l", -1));
        assertEquals(List.of("h0", "t0"), redis.lrange("l", 999, 1000));
        assertEquals(10, redis.rpop("l", 10).size());
        assertEquals(1990, redis.llen("l"));
    }

    @Test
    void indexAndSet() {
        redis.rpush("l", "a", "b", "c");
        assertEquals("c", redis.lindex("l", -1));
        assertNull(redis.lindex("l", 3));
        assertEquals("OK", redis.lset("l", 1, "B"));
        assertEquals(List.of("a", "B", "c"), redis.lrange("l", 0, -1));
        assertError("ERR index out of range", "LSET", "l", "3", "x");
        assertError("ERR no such key", "LSET", "missing", "0", "x");
    }

    @Test
    void removeTrimAndInsert() {
        redis.rpush("l", "a", "x", "b", "x", "c", "x");
        assertEquals(2, redis.lrem("l", -2, "x"));
        assertEquals(List.of("a", "x", "b", "c"), redis.lrange("l", 0, -1));
        assertEquals("OK", redis.ltrim("l", 1, -2));
        assertEquals(List.of("x", "b"), redis.lrange("l", 0, -1));
        assertEquals(3, redis.linsert("l", ListPosition.AFTER, "x", "y"));
        assertEquals(-1, redis.linsert("l", ListPosition.BEFORE, "zz", "y"));
        assertEquals(List.of("x", "y", "b"), redis.lrange("l", 0, -1));
        assertEquals("OK", redis.ltrim("l", 5, 10));
        assertFalse(redis.exists("l"));
    }

    @Test
    void lposWithRankCountAndMaxlen() {
        redis.rpush("l", "a", "b", "a", "c", "a");
        assertEquals(0, redis.lpos("l", "a"));
        assertEquals(2, redis.lpos("l", "a", LPosParams.lPosParams().rank(2)));
        assertEquals(4, redis.lpos("l", "a", LPosParams.lPosParams().rank(-1)));
        assertEquals(List.of(0L, 2L, 4L), redis.lpos("l", "a", LPosParams.lPosParams(), 0));
        assertEquals(List.of(0L, 2L), redis.lpos("l", "a", LPosParams.lPosParams().maxlen(3), 0));
        assertNull(redis.lpos("l", "zz"));
        assertError("ERR COUNT can't be negative", "LPOS", "l", "a", "COUNT", "-1");
    }

    @Test
    void moveBetweenLists() {
        redis.rpush("src", "1", "2", "3");
        assertEquals("1", redis.lmove("src", "dst", ListDirection.LEFT, ListDirection.RIGHT));
        assertEquals("3", redis.rpoplpush("src", "dst"));
        assertEquals(List.of("3", "1"), redis.lrange("dst", 0, -1));
        assertEquals("2", redis.lmove("src", "src", ListDirection.LEFT, ListDirection.RIGHT));
        assertEquals(List.of("2"), redis.lrange("src", 0, -1));
        assertNull(redis.rpoplpush("missing", "dst"));
    }

    @Test
    void lmpopFromTheFirstNonEmptyList() {
        redis.rpush("b", "1", "2", "3");
        KeyValue<String, List<String>> popped = redis.lmpop(ListDirection.RIGHT, 2, "a", "b");
        assertEquals("b", popped.getKey());
        assertEquals(List.of("3", "2"), popped.getValue());
        assertNull(redis.lmpop(ListDirection.LEFT, "a"));
        assertError("ERR numkeys should be greater than 0", "LMPOP", "0", "a", "LEFT");
        assertError("ERR count should be greater than 0", "LMPOP", "1", "a", "LEFT", "COUNT", "0");
    }

    @Test
    void binarySafeElements() {
        byte[] element = {0, -1, '\r', '\n'};
        redis.rpush("l".getBytes(), element);
        assertArrayEquals(element, redis.lpop("l".getBytes()));
    }

    @Test
    void errors() {
        redis.set("s", "v");
        assertError("WRONGTYPE Operation against a key holding the wrong kind of value", "LPUSH", "s", "a");
        assertError("ERR value is out of range, must be positive", "LPOP", "l", "-1");
        assertError("ERR wrong number of arguments for 'lpop' command", "LPOP", "l", "1", "2");
        assertError("ERR value is not an integer or out of range", "LRANGE", "l", "a", "1");
        assertError("ERR syntax error", "LINSERT", "l", "MIDDLE", "a", "b");
        assertError("ERR syntax error", "LMOVE", "a", "b", "UP", "LEFT");
        assertError("ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use "
                + "negative to start from the end of the list", "LPOS", "l", "a", "RANK", "0");
    }

    @Test
    void resp3AnswersNullsAsNull() {
        try (Jedis resp3 = server.jedisResp3()) {
            assertNull(resp3.lpop("missing"));
            assertNull(resp3.lpop("missing", 2));
            assertEquals(2, resp3.rpush("l", "a", "b"));
            assertEquals(List.of("a", "b"), resp3.lrange("l", 0, -1));
        }
    }

    private void assertError(String expected, String... command) {
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sendCommand(
                Protocol.Command.valueOf(command[0]), Arrays.copyOfRange(command, 1, command.length)));
        assertEquals(expected, error.getMessage());
    }
}
