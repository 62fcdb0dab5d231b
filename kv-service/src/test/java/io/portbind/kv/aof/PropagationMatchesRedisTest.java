package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RedisServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.commands.ProtocolCommand;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Every write command propagates to the AOF as Redis 7.0 propagates it: the same script (resources
 * {@code aof/propagation.txt}) runs on redis-server 7.0.15 and on kv-service, both with {@code appendonly yes},
 * and their incremental files hold the same commands, absolute expiry times aside (SET EX and EXPIRE become
 * PXAT and PEXPIREAT of the moment they ran) and the members SPOP chose at random.
 */
class PropagationMatchesRedisTest {

    private static final Pattern NOW_MILLIS = Pattern.compile("^1[0-9]{12}$");

    @Test
    void theIncrementalFilesHoldTheSameCommands(@TempDir Path redisDir, @TempDir Path kvDir) throws Exception {
        List<List<String>> script = script();
        try (RedisServerProcess redis = AofFiles.redisServer(redisDir, "always"); Jedis jedis = redis.jedis()) {
            run(jedis, script);
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", kvDir.toString(), "KV_APPENDONLY", "yes",
                "KV_APPENDFSYNC", "always")); Jedis jedis = kv.jedis()) {
            run(jedis, script);
        }
        assertEquals(normalized(redisDir), normalized(kvDir));
    }

    @Test
    void aPopServedToABlockedClientPropagatesAfterTheCommandThatServedIt(@TempDir Path redisDir,
                                                                        @TempDir Path kvDir) throws Exception {
        try (RedisServerProcess redis = AofFiles.redisServer(redisDir, "always")) {
            blockedThenServed(redis.port());
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", kvDir.toString(), "KV_APPENDONLY", "yes"))) {
            blockedThenServed(kv.port());
        }
        List<String> ours = normalized(kvDir);
        assertEquals(normalized(redisDir), ours);
        assertEquals(List.of("SELECT 1", "RPUSH q a b", "SELECT 0", "SWAPDB 0 1", "LPOP q", "LPUSH q2 x",
                "LPOP q2"), ours);
    }

    /** A client blocks on q and q2 in db 0; SWAPDB brings it a q, then another one waits on q2 for a push. */
    private static void blockedThenServed(int port) throws Exception {
        ExecutorService blocked = Executors.newFixedThreadPool(2);
        try (Jedis writer = new Jedis("127.0.0.1", port)) {
            Future<List<String>> first = blocked.submit(() -> {
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                    return jedis.blpop(5, "q");
                }
            });
            awaitBlocked(writer, 1);
            writer.select(1);
            writer.rpush("q", "a", "b");
            writer.select(0);
            writer.swapDB(0, 1);
            assertEquals(List.of("q", "a"), first.get(10, TimeUnit.SECONDS));
            Future<List<String>> second = blocked.submit(() -> {
                try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                    return jedis.blpop(5, "q2");
                }
            });
            awaitBlocked(writer, 1);
            writer.lpush("q2", "x");
            assertEquals(List.of("q2", "x"), second.get(10, TimeUnit.SECONDS));
        } finally {
            blocked.shutdownNow();
        }
    }

    private static void awaitBlocked(Jedis jedis, int clients) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!jedis.info("clients").contains("blocked_clients:" + clients)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no client blocked");
            }
            Thread.sleep(10);
        }
    }

    private static List<String> normalized(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        for (List<String> command : AofFiles.commands(dir.resolve("appendonlydir/appendonly.aof.1.incr.aof"))) {
            List<String> args = new ArrayList<>(command);
            for (int i = 0; i < args.size(); i++) {
                if (NOW_MILLIS.matcher(args.get(i)).matches() && !args.get(i).equals("4102444800000")) {
                    args.set(i, "<now+ttl>");
                }
            }
            if (args.get(0).equals("SREM")) {
                args.set(2, "<random member>");
            }
            lines.add(String.join(" ", args));
        }
        return lines;
    }

    private static void run(Jedis jedis, List<List<String>> script) {
        for (List<String> command : script) {
            ProtocolCommand name = () -> SafeEncoder.encode(command.get(0));
            try {
                jedis.sendCommand(name, command.subList(1, command.size()).toArray(new String[0]));
            } catch (JedisDataException expected) {
                // Some lines fail on purpose (a failed write propagates nothing); both servers answer alike.
            }
        }
    }

    private static List<List<String>> script() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        try (InputStream in = PropagationMatchesRedisTest.class.getResourceAsStream("/aof/propagation.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> args = new ArrayList<>();
                for (String word : line.trim().split(" +")) {
                    args.add(word.equals("\"\"") ? "" : word);
                }
                commands.add(args);
            }
        }
        return commands;
    }
}
