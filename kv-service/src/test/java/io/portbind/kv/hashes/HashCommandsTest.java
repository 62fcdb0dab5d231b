package io.portbind.kv.hashes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

class HashCommandsTest extends KvServerTest {

    @Test
    void setGetAndCountNewFields() {
        assertEquals(2, redis.hset("h", Map.of("a", "1", "b", "2")));
        assertEquals(0, redis.hset("h", "a", "one"));
        assertEquals("one", redis.hget("h", "a"));
        assertNull(redis.hget("h", "zz"));
        assertNull(redis.hget("missing", "a"));
        assertEquals(2, redis.hlen("h"));
    }

    @Test
    void hmsetHsetnxAndHmget() {
        assertEquals("OK", redis.hmset("h", Map.of("a", "1")));
        assertEquals(0, redis.hsetnx("h", "a", "2"));
        assertEquals(1, redis.hsetnx("h", "b", "2"));
        assertEquals(Arrays.asList("1", null, "2"), redis.hmget("h", "a", "zz", "b"));
    }

    @Test
    void smallHashKeepsInsertionOrder() {
        redis.hset("h", "z", "1");
        redis.hset("h", "a", "2");
        redis.hset("h", "m", "3");
        assertEquals(List.of("z", "a", "m"), strings(redis.sendCommand(Protocol.Command.HKEYS, "h")));
        assertEquals(List.of("1", "2", "3"), redis.hvals("h"));
        assertEquals(List.of("z", "1", "a", "2", "m", "3"), strings(redis.sendCommand(Protocol.Command.HGETALL, "h")));
    }

    @Test
    void largeHashHoldsEveryField() {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < 1000; i++) {
            fields.put("field" + i, "value" + i);
        }
        assertEquals(1000, redis.hset("big", fields));
        assertEquals(fields, redis.hgetAll("big"));
        assertEquals(1, redis.hdel("big", "field0", "nothing"));
        assertEquals(999, redis.hlen("big"));
        assertEquals("value999", redis.hget("big", "field999"));
    }

    @Test
    void deleteExistsAndStrlen() {
        redis.hset("h", Map.of("a", "hello", "b", "x"));
        assertTrue(redis.hexists("h", "a"));
        assertEquals(5, redis.hstrlen("h", "a"));
        assertEquals(0, redis.hstrlen("h", "zz"));
        assertEquals(1, redis.hdel("h", "a", "zz"));
        assertFalse(redis.hexists("h", "a"));
        assertEquals(1, redis.hdel("h", "b"));
        assertFalse(redis.exists("h"));
    }

    @Test
    void incrementsIntegersAndFloats() {
        assertEquals(5, redis.hincrBy("h", "n", 5));
        assertEquals(2, redis.hincrBy("h", "n", -3));
        assertEquals(2.5, redis.hincrByFloat("h", "f", 2.5));
        assertEquals(2.6, redis.hincrByFloat("h", "f", 0.1));
        assertEquals("2.6", redis.hget("h", "f"));
        redis.hset("h", "text", "abc");
        assertError("ERR hash value is not an integer", "HINCRBY", "h", "text", "1");
        assertError("ERR hash value is not a float", "HINCRBYFLOAT", "h", "text", "1");
        redis.hset("h", "max", Long.toString(Long.MAX_VALUE));
        assertError("ERR increment or decrement would overflow", "HINCRBY", "h", "max", "1");
        assertError("ERR value is NaN or Infinity", "HINCRBYFLOAT", "h", "f", "inf");
    }

    @Test
    void binarySafeFieldsAndValues() {
        byte[] field = {0, -1, '\n'};
        byte[] value = {'\r', 0, 7};
        redis.hset("h".getBytes(), field, value);
        assertArrayEquals(value, redis.hget("h".getBytes(), field));
    }

    @Test
    void randomFields() {
        redis.hset("h", Map.of("a", "1", "b", "2", "c", "3"));
        assertTrue(Set.of("a", "b", "c").contains(redis.hrandfield("h")));
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(redis.hrandfield("h", 10)));
        List<String> two = redis.hrandfield("h", 2);
        assertEquals(2, new HashSet<>(two).size());
        assertEquals(7, redis.hrandfield("h", -7).size());
        assertEquals(5, redis.hrandfieldWithValues("h", -5).size());
        assertNull(redis.hrandfield("missing"));
        assertEquals(List.of(), redis.hrandfield("missing", 3));
    }

    @Test
    void randomDistinctFieldsOfABigHash() {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            fields.put("f" + i, "v" + i);
        }
        redis.hset("big", fields);
        List<Map.Entry<String, String>> picked = redis.hrandfieldWithValues("big", 20);
        assertEquals(20, picked.stream().map(Map.Entry::getKey).distinct().count());
        picked.forEach(entry -> assertEquals(fields.get(entry.getKey()), entry.getValue()));
    }

    @Test
    void scanReturnsSmallHashWhole() {
        redis.hset("h", Map.of("apple", "1", "avocado", "2", "banana", "3"));
        ScanResult<Map.Entry<String, String>> result = redis.hscan("h", "0", new ScanParams().match("a*").count(1));
        assertEquals("0", result.getCursor());
        Map<String, String> found = new LinkedHashMap<>();
        result.getResult().forEach(entry -> found.put(entry.getKey(), entry.getValue()));
        assertEquals(Map.of("apple", "1", "avocado", "2"), found);
        assertError("ERR invalid cursor", "HSCAN", "h", "x");
    }

    @Test
    void errors() {
        redis.set("s", "v");
        assertError("WRONGTYPE Operation against a key holding the wrong kind of value", "HGET", "s", "a");
        assertError("ERR wrong number of arguments for 'hset' command", "HSET", "h", "a", "1", "b");
        assertError("ERR syntax error", "HRANDFIELD", "h", "1", "FOO");
        assertError("ERR value is out of range", "HRANDFIELD", "h", "-4611686018427387904", "WITHVALUES");
    }

    @Test
    void resp3MapsAndPairs() {
        try (Jedis resp3 = server.jedisResp3()) {
            resp3.hset("h", Map.of("a", "1"));
            assertEquals(Map.of("a", "1"), resp3.hgetAll("h"));
            assertEquals(Map.of(), resp3.hgetAll("missing"));
            assertEquals("a", resp3.hrandfieldWithValues("h", 1).get(0).getKey());
            assertEquals(List.of(true, false), List.of(resp3.hexists("h", "a"), resp3.hexists("h", "b")));
        }
    }

    private static List<String> strings(Object reply) {
        return ((List<?>) reply).stream().map(item -> new String((byte[]) item, StandardCharsets.UTF_8)).toList();
    }

    private void assertError(String expected, String... command) {
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sendCommand(
                Protocol.Command.valueOf(command[0]), Arrays.copyOfRange(command, 1, command.length)));
        assertEquals(expected, error.getMessage());
    }
}
