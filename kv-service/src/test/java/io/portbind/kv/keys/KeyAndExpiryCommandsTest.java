package io.portbind.kv.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.args.ExpiryOption;
import redis.clients.jedis.exceptions.JedisDataException;

class KeyAndExpiryCommandsTest extends KvServerTest {

    @Test
    void delExistsType() {
        redis.mset("a", "1", "b", "2");
        assertEquals(3, redis.exists("a", "a", "b"));
        assertEquals("string", redis.type("a"));
        assertEquals("none", redis.type("zzz"));
        assertEquals(2, redis.del("a", "b", "c"));
        assertEquals(0, redis.exists("a", "b"));
    }

    @Test
    void expireTtlPersist() {
        redis.set("k", "v");
        assertEquals(-1, redis.ttl("k"));
        assertEquals(-2, redis.ttl("missing"));
        assertEquals(1, redis.expire("k", 100));
        assertEquals(100, redis.ttl("k"));
        assertTrue(redis.pttl("k") > 99_000);
        assertEquals(1, redis.persist("k"));
        assertEquals(0, redis.persist("k"));
        assertEquals(0, redis.expire("missing", 100));
        assertEquals(-1, redis.expireTime("k"));
        assertEquals(-2, redis.pexpireTime("missing"));
    }

    @Test
    void expireConditions() {
        redis.set("k", "v");
        assertEquals(0, redis.expire("k", 100, ExpiryOption.XX));
        assertEquals(0, redis.expire("k", 100, ExpiryOption.GT));
        assertEquals(1, redis.expire("k", 100, ExpiryOption.LT));
        assertEquals(0, redis.expire("k", 200, ExpiryOption.NX));
        assertEquals(1, redis.expire("k", 200, ExpiryOption.GT));
        assertEquals(0, redis.expire("k", 300, ExpiryOption.LT));
        assertEquals(1, redis.pexpire("k", 50_000, ExpiryOption.XX));
        assertEquals("ERR NX and XX, GT or LT options at the same time are not compatible",
                error("EXPIRE", "k", "10", "NX", "XX"));
        assertEquals("ERR GT and LT options at the same time are not compatible",
                error("EXPIRE", "k", "10", "GT", "LT"));
        assertEquals("ERR Unsupported option foo", error("EXPIRE", "k", "10", "foo"));
        assertEquals("ERR invalid expire time in 'expire' command", error("EXPIRE", "k", "9223372036854775807"));
    }

    @Test
    void absoluteAndPastTimes() {
        redis.set("k", "v");
        long inAMinute = System.currentTimeMillis() + 60_000;
        assertEquals(1, redis.pexpireAt("k", inAMinute));
        assertEquals(inAMinute, redis.pexpireTime("k"));
        assertEquals(1, redis.expireAt("k", inAMinute / 1000));
        assertEquals(inAMinute / 1000, redis.expireTime("k"));
        assertEquals(1, redis.expire("k", -1));
        assertEquals(0, redis.exists("k") ? 1 : 0);
    }

    @Test
    void keysExpireToTheMillisecond() throws InterruptedException {
        redis.set("k", "v");
        redis.pexpire("k", 30);
        assertEquals("v", redis.get("k"));
        Thread.sleep(60);
        assertNull(redis.get("k"));
        assertEquals(-2, redis.pttl("k"));
    }

    @Test
    void flushDbOnlyEmptiesTheSelectedDatabase() {
        redis.set("a", "1");
        redis.select(1);
        redis.set("b", "2");
        assertEquals("OK", redis.flushDB());
        assertEquals(0, redis.dbSize());
        redis.select(0);
        assertEquals(1, redis.dbSize());
        assertEquals("ERR syntax error", error("FLUSHDB", "LATER"));
        assertEquals("OK", redis.flushAll());
        assertEquals(0, redis.dbSize());
    }

    private String error(String command, String... args) {
        return assertThrows(JedisDataException.class,
                () -> redis.sendCommand(Protocol.Command.valueOf(command), args)).getMessage();
    }
}
