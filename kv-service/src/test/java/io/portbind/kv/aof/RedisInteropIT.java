package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.common.testing.ServiceProcess;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redis.clients.jedis.Jedis;

/**
 * redis-server 7.0.15 and kv-service read each other's AOF directories (bases in RDB format, both servers'
 * default, and redis-server's in AOF format too), and redis-check-aof accepts ours: every type, expiry times,
 * several databases, a rewritten base followed by an incremental file.
 */
class RedisInteropIT {

    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void redisServerLoadsADirectoryWeWrote(@TempDir Path dir) throws Exception {
        Map<String, String> expected;
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"),
                "--dir", dir.toString(), "--appendonly", "yes")) {
            int port = kv.awaitListening(START);
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                write(jedis, "before");
                assertEquals("Background append only file rewriting started", jedis.bgrewriteaof());
                awaitRewrite(jedis);
                write(jedis, "after");
                expected = KeyspaceDump.of(jedis);
            }
            assertEquals(0, kv.terminate(START));
        }
        Path appendDir = dir.resolve("appendonlydir");
        assertEquals("file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                Files.readString(appendDir.resolve("appendonly.aof.manifest")));
        String check = ExternalTool.run(ExternalTool.require("redis-check-aof").toString(),
                appendDir.resolve("appendonly.aof.manifest").toString()).text();
        assertTrue(check.contains("is valid"), check);
        try (RedisServerProcess redis = AofFiles.redisServer(dir, "everysec"); Jedis jedis = redis.jedis()) {
            assertEquals(expected, KeyspaceDump.of(jedis));
        }
    }

    /** Both base formats redis-server writes: RDB (its default, aof-use-rdb-preamble yes) and AOF. */
    @ParameterizedTest
    @ValueSource(strings = {"yes", "no"})
    void weLoadADirectoryRedisServerWrote(String rdbPreamble, @TempDir Path dir) throws Exception {
        Map<String, String> expected;
        try (RedisServerProcess redis = AofFiles.redisServer(dir, "everysec", rdbPreamble);
             Jedis jedis = redis.jedis()) {
            write(jedis, "before");
            jedis.bgrewriteaof();
            awaitRewrite(jedis);
            write(jedis, "after");
            expected = KeyspaceDump.of(jedis);
        }
        String base = rdbPreamble.equals("yes") ? "appendonly.aof.2.base.rdb" : "appendonly.aof.2.base.aof";
        assertTrue(Files.isRegularFile(dir.resolve("appendonlydir").resolve(base)), "redis-server wrote " + base);
        try (ServiceProcess kv = ServiceProcess.start(ServiceProcess.jar("kv-service"), Map.of("PORT", "0"),
                "--dir", dir.toString(), "--appendonly", "yes")) {
            try (Jedis jedis = new Jedis("127.0.0.1", kv.awaitListening(START))) {
                assertEquals(expected, KeyspaceDump.of(jedis));
            }
            assertEquals(0, kv.terminate(START));
        }
    }

    /** Keys of every type, some with a TTL, in databases 0 and 3; {@code tag} makes each call's keys new. */
    private static void write(Jedis jedis, String tag) {
        jedis.select(0);
        jedis.set(tag + ":string", "plain value");
        jedis.setex(tag + ":expiring", 3600, "soon gone");
        jedis.set(tag + ":binary", "\r\n\0bytes");
        jedis.incrByFloat(tag + ":float", 1.25);
        for (int i = 0; i < 150; i++) {
            jedis.rpush(tag + ":list", "item" + i);
            jedis.sadd(tag + ":set", "member" + i);
            jedis.sadd(tag + ":intset", Integer.toString(i));
            jedis.zadd(tag + ":zset", i / 3.0, "z" + i);
            jedis.hset(tag + ":hash", "field" + i, "value" + i);
        }
        jedis.zadd(tag + ":zset", Double.POSITIVE_INFINITY, "top");
        jedis.expire(tag + ":hash", 7200);
        jedis.lpop(tag + ":list");
        jedis.select(3);
        jedis.set(tag + ":in3", "three");
        jedis.hincrByFloat(tag + ":h3", "f", 0.1);
        jedis.select(0);
    }

    private static void awaitRewrite(Jedis jedis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (jedis.info("persistence").contains("aof_rewrite_in_progress:1")
                || jedis.info("persistence").contains("aof_rewrite_scheduled:1")) {
            assertTrue(System.nanoTime() < deadline, "rewrite did not finish");
            Thread.sleep(50);
        }
    }

}
