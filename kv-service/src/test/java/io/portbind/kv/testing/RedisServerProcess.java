package io.portbind.kv.testing;

import io.portbind.common.testing.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real redis-server 7.0, the reference the differential tests compare with, on a free port with the settings a
 * test gives; ready once it answers PING (not while it is still loading a file), stopped with SIGTERM when
 * closed. The one way kv-service's tests start one.
 */
public final class RedisServerProcess implements AutoCloseable {

    private static final int START_ATTEMPTS = 200;

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code redis-server --port <free> settings...}, e.g. {@code "--bind", "127.0.0.1", "--save", ""}. */
    public static RedisServerProcess start(String... settings) throws Exception {
        return start(freePort(), settings);
    }

    /** {@code redis-server --port port settings...}: on a given port, to start again where clients expect it. */
    public static RedisServerProcess start(int port, String... settings) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExternalTool.require("redis-server").toString(),
                "--port", Integer.toString(port)));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisServerProcess redis = new RedisServerProcess(process, port);
        redis.awaitReady();
        return redis;
    }

    /** A free loopback port, for a server about to be started. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public Jedis jedis() {
        return new Jedis("127.0.0.1", port, 30_000);
    }

    private void awaitReady() throws InterruptedException {
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            if (!process.isAlive()) {
                throw new AssertionError("redis-server exited with status " + process.exitValue());
            }
            try (Jedis jedis = jedis()) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new AssertionError("redis-server did not become ready on port " + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
