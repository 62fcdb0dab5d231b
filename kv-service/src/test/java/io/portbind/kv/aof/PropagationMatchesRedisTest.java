package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.testing.KvTestServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        Path redisServer = ExternalTool.require("redis-server");
        int port = AofFiles.freePort();
        Process redis = AofFiles.redisServer(redisServer, redisDir, port, "always");
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            run(jedis, script);
        } finally {
            AofFiles.stop(redis, port);
        }
        try (KvTestServer kv = KvTestServer.start(Map.of("KV_DIR", kvDir.toString(), "KV_APPENDONLY", "yes",
                "KV_APPENDFSYNC", "always")); Jedis jedis = kv.jedis()) {
            run(jedis, script);
        }
        assertEquals(normalized(redisDir), normalized(kvDir));
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
