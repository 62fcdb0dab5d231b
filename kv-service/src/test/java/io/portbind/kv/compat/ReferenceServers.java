package io.portbind.kv.compat;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.NettyServer;
import io.portbind.common.testing.ExternalTool;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import io.portbind.kv.testing.KvTestServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} and an in-process kv-service side by side on loopback, for the differential tests:
 * {@link #connect()} gives one connection to each, and every request goes to both.
 */
final class ReferenceServers implements AutoCloseable {

    private final Process redis;
    private final int redisPort;
    private final NettyServer kv;
    private final Path dir;

    private ReferenceServers(Process redis, int redisPort, NettyServer kv, Path dir) {
        this.redis = redis;
        this.redisPort = redisPort;
        this.kv = kv;
        this.dir = dir;
    }

    /**
     * Both servers without save points, each saving (SAVE, BGSAVE) into its own directory under one temporary
     * directory, never where the build runs.
     */
    static ReferenceServers start() throws Exception {
        String redisServer = ExternalTool.require("redis-server").toString();
        int redisPort = freePort();
        Path dir = Files.createTempDirectory("kv-compat-");
        Path redisDir = Files.createDirectory(dir.resolve("redis"));
        Path kvDir = Files.createDirectory(dir.resolve("kv"));
        Process redis = new ProcessBuilder(redisServer, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", redisDir.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        NettyServer kv = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(),
                        Map.of("KV_SAVE", "", "KV_DIR", kvDir.toString()))));
        ReferenceServers servers = new ReferenceServers(redis, redisPort, kv, dir);
        servers.awaitRedis();
        return servers;
    }

    /** A new connection to each server. */
    Pair connect() throws IOException {
        return new Pair(socket(redisPort), socket(kv.localAddress().getPort()));
    }

    @Override
    public void close() {
        kv.close();
        redis.destroyForcibly();
        try {
            redis.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KvTestServer.deleteRecursively(dir);
    }

    /** One connection to redis-server and one to kv-service; each request goes to both. */
    static final class Pair implements AutoCloseable {

        private final Socket toRedis;
        private final Socket toKv;
        private final InputStream fromRedis;
        private final InputStream fromKv;

        private Pair(Socket toRedis, Socket toKv) throws IOException {
            this.toRedis = toRedis;
            this.toKv = toKv;
            this.fromRedis = new BufferedInputStream(toRedis.getInputStream());
            this.fromKv = new BufferedInputStream(toKv.getInputStream());
        }

        /** Sends {@code request} to both servers and reads one reply from each: redis-server's first. */
        RawReply[] exchange(byte[] request) throws IOException {
            toRedis.getOutputStream().write(request);
            toKv.getOutputStream().write(request);
            return new RawReply[] {RawReply.read(fromRedis), RawReply.read(fromKv)};
        }

        @Override
        public void close() throws IOException {
            toRedis.close();
            toKv.close();
        }
    }

    private static Socket socket(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitRedis() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = socket(redisPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not start on port " + redisPort);
    }
}
