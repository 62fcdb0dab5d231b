package io.portbind.kv.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.testing.KvTestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The real redis-cli against the server: one-shot commands, its start-up questions, and --pipe mass insertion. */
class RedisCliTest {

    private static KvTestServer server;
    private static Path redisCli;

    @BeforeAll
    static void start() throws Exception {
        redisCli = ExternalTool.require("redis-cli");
        server = KvTestServer.start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void commandsAndReplies() throws Exception {
        assertEquals("OK", cli("", "SET", "name", "portbind"));
        assertEquals("portbind", cli("", "GET", "name"));
        assertEquals("(integer) 1", cli("", "--no-raw", "INCR", "n"));
        assertEquals("(nil)", cli("", "--no-raw", "GET", "missing"));
        assertEquals("(error) ERR unknown command 'NOPE', with args beginning with: 'x' ",
                cli("", "--no-raw", "NOPE", "x"));
    }

    @Test
    void interactiveSessionReadsCommandsFromStdin() throws Exception {
        String output = cli("SET k v\nGET k\nHELLO 3\nGET nothing\n");
        assertTrue(output.startsWith("OK\nv\nserver redis\nversion 7.0.15\nproto 3\n"), output);
    }

    @Test
    void pipeMassInsertion() throws Exception {
        StringBuilder protocol = new StringBuilder();
        int count = 5_000;
        for (int i = 0; i < count; i++) {
            String key = "key:" + i;
            protocol.append("*3\r\n$3\r\nSET\r\n$").append(key.length()).append("\r\n").append(key)
                    .append("\r\n$").append(Integer.toString(i).length()).append("\r\n").append(i).append("\r\n");
        }
        String output = cli(protocol.toString(), "--pipe");
        assertTrue(output.contains("errors: 0, replies: " + count), output);
        try (Jedis redis = server.jedis()) {
            assertEquals("4321", redis.get("key:4321"));
        }
    }

    /** Runs redis-cli against the server with {@code input} on stdin; its trimmed standard output. */
    private static String cli(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(redisCli.toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(server.port())));
        command.addAll(List.of(args));
        String output = ExternalTool.run(input, command).text();
        return output.stripTrailing().isEmpty() ? "" : output.substring(0, output.length() - 1);
    }
}
