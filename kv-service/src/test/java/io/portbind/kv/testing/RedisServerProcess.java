package io.portbind.kv.rdb;

import io.portbind.common.testing.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A real redis-server 7.0 on a free loopback port, started on {@code --dir} and {@code --dbfilename} so that it
 * loads that file if it exists, with snapshots and AOF off; stopped (without saving) when closed.
 */
final class RedisServerProcess implements AutoCloseable {

    private static final int START_ATTEMPTS = 200;

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServerProcess start(Path dir, String dbfilename) throws Exception {
        int port = freePort();
        Process process = new ProcessBuilder(ExternalTool.require("redis-server").toString(),
                "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", dir.toString(), "--dbfilename", dbfilename, "--logfile", dir.resolve("redis.log").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        RedisServerProcess redis = new RedisServerProcess(process, port);
        redis.awaitReady();
        return redis;
    }

    Jedis jedis() {
        return new Jedis("127.0.0.1", port, 30_000);
    }

    /** Waits until it answers PING, which it does not while it is still loading its file (-LOADING). */
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
