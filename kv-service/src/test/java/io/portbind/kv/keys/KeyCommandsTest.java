package io.portbind.kv.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.table.Command;
import io.portbind.kv.testing.KvServerTest;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisDataException;

/** UNLINK, TOUCH, RENAME, RENAMENX, COPY and MOVE with Jedis. */
class KeyCommandsTest extends KvServerTest {

    @Test
    void unlinkDeletesLikeDel() {
        redis.mset("a", "1", "b", "2");
        assertEquals(2, redis.unlink("a", "b", "c"));
        assertFalse(redis.exists("a"));
    }

    @Test
    void touchCountsExistingKeys() {
        redis.set("a", "1");
        assertEquals(2, redis.touch("a", "a", "missing"));
    }

    @Test
    void renameCarriesValueAndTtlAndReplacesTheTarget() {
        redis.set("src", "v");
        redis.expire("src", 100);
        redis.set("dst", "old");
        assertEquals("OK", redis.rename("src", "dst"));
        assertEquals("v", redis.get("dst"));
        assertEquals(100, redis.ttl("dst"));
        assertFalse(redis.exists("src"));
    }

    @Test
    void renameOfAMissingKeyIsAnError() {
        assertEquals("ERR no such key",
                assertThrows(JedisDataException.class, () -> redis.rename("missing", "x")).getMessage());
        assertEquals("ERR no such key",
                assertThrows(JedisDataException.class, () -> redis.renamenx("missing", "x")).getMessage());
    }

    @Test
    void renameToItselfKeepsTheKey() {
        redis.set("k", "v");
        assertEquals("OK", redis.rename("k", "k"));
        assertEquals(0, redis.renamenx("k", "k"));
        assertEquals("v", redis.get("k"));
    }

    @Test
    void renamenxOnlyWhenTheTargetIsFree() {
        redis.mset("a", "1", "b", "2");
        assertEquals(0, redis.renamenx("a", "b"));
        assertEquals(1, redis.renamenx("a", "c"));
        assertEquals("1", redis.get("c"));
    }

    @Test
    void copyIsIndependentAndKeepsTheTtl() {
        redis.set("s", "v");
        redis.expire("s", 100);
        assertTrue(redis.copy("s", "t", false));
        redis.append("t", "w");
        assertEquals("v", redis.get("s"));
        assertEquals("vw", redis.get("t"));
        assertEquals(100, redis.ttl("t"));
    }

    @Test
    void copyReplacesOnlyWhenAsked() {
        redis.mset("s", "new", "t", "old");
        assertFalse(redis.copy("s", "t", false));
        assertEquals("old", redis.get("t"));
        assertTrue(redis.copy("s", "t", true));
        assertEquals("new", redis.get("t"));
        assertFalse(redis.copy("missing", "t", true));
    }

    @Test
    void copyToAnotherDatabase() {
        redis.set("s", "v");
        assertTrue(redis.copy("s", "s", 3, false));
        redis.select(3);
        assertEquals("v", redis.get("s"));
        assertEquals("ERR source and destination objects are the same", error("COPY", "s", "s"));
        assertEquals("ERR DB index is out of range", error("COPY", "s", "x", "DB", "16"));
        assertEquals("ERR value is not an integer or out of range", error("COPY", "s", "x", "DB", "one"));
        assertEquals("ERR syntax error", error("COPY", "s", "x", "DB"));
    }

    @Test
    void moveToAnotherDatabase() {
        redis.set("m", "v");
        redis.expire("m", 100);
        assertEquals(1, redis.move("m", 1));
        assertFalse(redis.exists("m"));
        redis.select(1);
        assertEquals("v", redis.get("m"));
        assertEquals(100, redis.ttl("m"));
        redis.select(0);
        redis.set("m", "here");
        assertEquals(0, redis.move("m", 1));
        assertEquals(0, redis.move("missing", 1));
        assertEquals("ERR source and destination objects are the same", error("MOVE", "m", "0"));
        assertEquals("ERR DB index is out of range", error("MOVE", "m", "16"));
    }

    private String error(String command, String... args) {
        return assertThrows(JedisDataException.class,
                () -> redis.sendCommand(Protocol.Command.valueOf(command), args)).getMessage();
    }
}
