package io.portbind.kv.compat;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.NettyServer;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import io.portbind.kv.testing.RedisServerProcess;
import io.portbind.kv.testing.KvTestServer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real {@code redis-server} and an in-process kv-service side by side on loopback, for the differential tests:
 * {@link #connect()} gives one connection to each, and every request goes to both.
 */
final class ReferenceServers implements AutoCloseable {

    private final RedisServerProcess redis;
    private final NettyServer kv;
    private final Path dir;

    private ReferenceServers(RedisServerProcess redis, NettyServer kv, Path dir) {
        this.redis = redis;
        this.kv = kv;
        this.dir = dir;
    }

    /**
     * Both servers without save points, each saving (SAVE, BGSAVE) into its own directory under one temporary
     * directory, never where the build runs.
     */
    static ReferenceServers start() throws Exception {
        Path dir = Files.createTempDirectory("kv-compat-");
        Path redisDir = Files.createDirectory(dir.resolve("redis"));
        Path kvDir = Files.createDirectory(dir.resolve("kv"));
        RedisServerProcess redis = RedisServerProcess.start("--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--dir", redisDir.toString());
        NettyServer kv = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(),
                        Map.of("KV_SAVE", "", "KV_DIR", kvDir.toString()))));
        return new ReferenceServers(redis, kv, dir);
    }

    /** A new connection to each server. */
    Pair connect() throws IOException {
        return new Pair(socket(redis.port()), socket(kv.localAddress().getPort()));
    }

    @Override
    public void close() {
        kv.close();
        redis.close();
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
}
