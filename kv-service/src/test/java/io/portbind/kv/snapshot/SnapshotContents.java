package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.resps.Tuple;

/** Keys of every type and encoding, with and without a TTL, in two databases: what a snapshot must bring back. */
final class SnapshotContents {

    private static final int BIG = 600;

    private SnapshotContents() {
    }

    static void writeEveryType(Jedis redis) {
        redis.select(0);
        redis.set("string", "plain");
        redis.set("binary", "\u0000\r\n\u00ff");
        redis.set("number", "12345");
        redis.setex("expiring", 3600, "with ttl");
        redis.rpush("list", "a", "b", "c");
        redis.hset("hash", Map.of("f1", "v1", "f2", "v2"));
        redis.sadd("intset", "1", "2", "3");
        redis.sadd("set", "x", "y");
        redis.zadd("zset", Map.of("one", 1.0, "two", 2.5, "minus", -3.0));
        for (int i = 0; i < BIG; i++) {
            redis.hset("bighash", "field" + i, "value" + i);
            redis.sadd("bigset", "member" + i);
            redis.zadd("bigzset", i, "m" + i);
        }
        redis.expire("hash", 3600);
        redis.select(5);
        redis.set("elsewhere", "in db 5");
        redis.select(0);
    }

    static void assertEveryType(Jedis redis) {
        redis.select(0);
        assertEquals("plain", redis.get("string"));
        assertEquals("\u0000\r\n\u00ff", redis.get("binary"));
        assertEquals("12345", redis.get("number"));
        assertEquals("with ttl", redis.get("expiring"));
        assertTrue(redis.ttl("expiring") > 3500, "ttl kept");
        assertEquals(List.of("a", "b", "c"), redis.lrange("list", 0, -1));
        assertEquals(Map.of("f1", "v1", "f2", "v2"), redis.hgetAll("hash"));
        assertTrue(redis.ttl("hash") > 3500, "ttl kept");
        assertEquals(Set.of("1", "2", "3"), redis.smembers("intset"));
        assertEquals("intset", redis.objectEncoding("intset"));
        assertEquals(Set.of("x", "y"), redis.smembers("set"));
        assertEquals(List.of(new Tuple("minus", -3.0), new Tuple("one", 1.0), new Tuple("two", 2.5)),
                redis.zrangeWithScores("zset", 0, -1));
        assertEquals(BIG, redis.hlen("bighash"));
        assertEquals("value7", redis.hget("bighash", "field7"));
        assertEquals(BIG, redis.scard("bigset"));
        assertEquals(BIG, redis.zcard("bigzset"));
        assertEquals(42.0, redis.zscore("bigzset", "m42"));
        assertEquals(12, redis.dbSize());
        redis.select(5);
        assertEquals("in db 5", redis.get("elsewhere"));
        assertEquals(1, redis.dbSize());
        redis.select(0);
    }
}
