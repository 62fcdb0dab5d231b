package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.common.testing.ExternalTool;
import io.portbind.common.testing.ServiceProcessContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/** kv-service as a process: Jedis and redis-cli get PONG and their echo back. */
class KvProcessIT extends ServiceProcessContract {

    KvProcessIT() {
        super("kv-service", "KV_PORT");
    }

    @Override
    protected void greet(int port) throws Exception {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            assertEquals("PONG", jedis.ping());
            assertEquals("hello", jedis.echo("hello"));
        }
        assertEquals("PONG", redisCli(port, "PING"));
        assertEquals("hello world", redisCli(port, "ECHO", "hello world"));
    }

    private static String redisCli(int port, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of(ExternalTool.require("redis-cli").toString(),
                "-h", "127.0.0.1", "-p", Integer.toString(port)));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("redis-cli did not finish");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
