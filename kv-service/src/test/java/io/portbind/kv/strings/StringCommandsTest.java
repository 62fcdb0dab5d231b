package io.portbind.kv.strings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.GetExParams;
import redis.clients.jedis.params.SetParams;

class StringCommandsTest extends KvServerTest {

    @Test
    void setThenGet() {
        assertEquals("OK", redis.set("greeting", "hello"));
        assertEquals("hello", redis.get("greeting"));
        assertNull(redis.get("missing"));
    }

    @Test
    void binarySafeValues() {
        byte[] value = {0, 1, -1, '\r', '\n'};
        redis.set("bin".getBytes(), value);
        assertArrayEquals(value, redis.get("bin".getBytes()));
    }

    @Test
    void setNxAndXx() {
        assertNull(redis.set("k", "1", SetParams.setParams().xx()));
        assertEquals("OK", redis.set("k", "1", SetParams.setParams().nx()));
        assertNull(redis.set("k", "2", SetParams.setParams().nx()));
        assertEquals("OK", redis.set("k", "3", SetParams.setParams().xx()));
        assertEquals("3", redis.get("k"));
    }

    @Test
    void setWithExpiryOptions() {
        redis.set("ex", "v", SetParams.setParams().ex(100));
        assertTrue(redis.ttl("ex") > 98);
        redis.set("px", "v", SetParams.setParams().px(100_000));
        assertTrue(redis.pttl("px") > 99_000);
        long inAMinute = System.currentTimeMillis() + 60_000;
        redis.set("pxat", "v", SetParams.setParams().pxAt(inAMinute));
        assertEquals(inAMinute, redis.pexpireTime("pxat"));
        redis.set("exat", "v", SetParams.setParams().exAt(inAMinute / 1000));
        assertEquals(inAMinute / 1000, redis.expireTime("exat"));
        redis.set("ex", "w", SetParams.setParams().keepTtl());
        assertTrue(redis.ttl("ex") > 98);
        redis.set("ex", "x");
        assertEquals(-1, redis.ttl("ex"));
    }

    @Test
    void setGetReturnsOldValue() {
        assertNull(redis.setGet("k", "1"));
        assertEquals("1", redis.setGet("k", "2"));
        assertEquals("2", redis.getSet("k", "3"));
        assertEquals("3", redis.get("k"));
    }

    @Test
    void setErrors() {
        assertError("ERR syntax error", "SET", "k", "v", "NX", "XX");
        assertError("ERR syntax error", "SET", "k", "v", "EX", "10", "PX", "10");
        assertError("ERR syntax error", "SET", "k", "v", "KEEPTTL", "EX", "10");
        assertError("ERR syntax error", "SET", "k", "v", "EX");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "0");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "PX", "-5");
        assertError("ERR value is not an integer or out of range", "SET", "k", "v", "EX", "ten");
        assertError("ERR invalid expire time in 'setex' command", "SETEX", "k", "0", "v");
        assertError("ERR invalid expire time in 'set' command", "SET", "k", "v", "EX", "9223372036854775");
        assertError("ERR wrong number of arguments for 'set' command", "SET", "k");
    }

    @Test
    void setNxSetExPsetEx() {
        assertEquals(1, redis.setnx("k", "1"));
        assertEquals(0, redis.setnx("k", "2"));
        assertEquals("OK", redis.setex("e", 100, "v"));
        assertTrue(redis.ttl("e") > 98);
        assertEquals("OK", redis.psetex("p", 100_000, "v"));
        assertTrue(redis.pttl("p") > 99_000);
    }

    @Test
    void getDelAndGetEx() {
        redis.set("k", "v");
        assertEquals("v", redis.getDel("k"));
        assertNull(redis.getDel("k"));
        redis.set("k", "v");
        assertEquals("v", redis.getEx("k", GetExParams.getExParams().ex(100)));
        assertTrue(redis.ttl("k") > 98);
        assertEquals("v", redis.getEx("k", GetExParams.getExParams().persist()));
        assertEquals(-1, redis.ttl("k"));
        assertNull(redis.getEx("missing", GetExParams.getExParams().ex(10)));
        assertError("ERR syntax error", "GETEX", "k", "EX", "10", "PERSIST");
        assertError("ERR invalid expire time in 'getex' command", "GETEX", "k", "EX", "-1");
    }

    @Test
    void multiKeyCommands() {
        assertEquals("OK", redis.mset("a", "1", "b", "2"));
        assertEquals(Arrays.asList("1", "2", null), redis.mget("a", "b", "c"));
        assertEquals(0, redis.msetnx("c", "3", "a", "x"));
        assertNull(redis.get("c"));
        assertEquals(1, redis.msetnx("c", "3", "d", "4"));
        assertError("ERR wrong number of arguments for 'mset' command", "MSET", "a", "1", "b");
        assertError("ERR wrong number of arguments for 'msetnx' command", "MSETNX", "a");
    }

    @Test
    void counters() {
        assertEquals(1, redis.incr("n"));
        assertEquals(11, redis.incrBy("n", 10));
        assertEquals(10, redis.decr("n"));
        assertEquals(-5, redis.decrBy("n", 15));
        redis.set("max", Long.toString(Long.MAX_VALUE));
        assertError("ERR increment or decrement would overflow", "INCR", "max");
        assertError("ERR decrement would overflow", "DECRBY", "n", "-9223372036854775808");
        redis.set("text", "abc");
        assertError("ERR value is not an integer or out of range", "INCR", "text");
        redis.set("spaced", " 1");
        assertError("ERR value is not an integer or out of range", "INCR", "spaced");
        assertError("ERR value is not an integer or out of range", "INCRBY", "n", "1.5");
    }

    @Test
    void countersKeepTheTtl() {
        redis.setex("n", 100, "1");
        redis.incr("n");
        assertTrue(redis.ttl("n") > 98);
    }

    @Test
    void incrByFloatAsRedisPrintsIt() {
        redis.set("f", "10.50");
        assertEquals(10.6, redis.incrByFloat("f", 0.1));
        assertEquals("10.6", redis.get("f"));
        redis.set("g", "0.1");
        redis.incrByFloat("g", 0.2);
        assertEquals("0.3", redis.get("g"));
        redis.set("h", "5.0e3");
        redis.incrByFloat("h", 2.0e2);
        assertEquals("5200", redis.get("h"));
        assertError("ERR value is not a valid float", "INCRBYFLOAT", "h", "abc");
        assertError("ERR increment would produce NaN or Infinity", "INCRBYFLOAT", "h", "inf");
        redis.set("text", "x");
        assertError("ERR value is not a valid float", "INCRBYFLOAT", "text", "1");
    }

    @Test
    void appendAndStrlen() {
        assertEquals(5, redis.append("s", "Hello"));
        assertEquals(11, redis.append("s", " World"));
        assertEquals("Hello World", redis.get("s"));
        assertEquals(11, redis.strlen("s"));
        assertEquals(0, redis.strlen("missing"));
    }

    @Test
    void getRangeLikeRedis() {
        redis.set("s", "This is a string");
        assertEquals("This", redis.getrange("s", 0, 3));
        assertEquals("ing", redis.getrange("s", -3, -1));
        assertEquals("This is a string", redis.getrange("s", 0, -1));
        assertEquals("string", redis.getrange("s", 10, 100));
        assertEquals("", redis.getrange("s", 5, 2));
        assertEquals("", redis.getrange("s", -1, -5));
        assertEquals("", redis.getrange("missing", 0, -1));
    }

    @Test
    void setRangePadsWithZeroBytes() {
        redis.set("s", "Hello World");
        assertEquals(11, redis.setrange("s", 6, "Redis"));
        assertEquals("Hello Redis", redis.get("s"));
        assertEquals(11, redis.setrange("pad", 6, "Redis"));
        assertArrayEquals("\0\0\0\0\0\0Redis".getBytes(), redis.get("pad".getBytes()));
        assertEquals(0, redis.setrange("empty", 5, ""));
        assertEquals(0, redis.exists("empty") ? 1 : 0);
        assertError("ERR offset is out of range", "SETRANGE", "s", "-1", "x");
        assertError("ERR string exceeds maximum allowed size (proto-max-bulk-len)", "SETRANGE", "s", "536870911", "xy");
    }

    private void assertError(String expected, String... command) {
        JedisDataException error = assertThrows(JedisDataException.class, () -> redis.sendCommand(
                Protocol.Command.valueOf(command[0]), Arrays.copyOfRange(command, 1, command.length)));
        assertEquals(expected, error.getMessage());
    }
}
