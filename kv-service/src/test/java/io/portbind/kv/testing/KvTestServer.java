package io.portbind.kv.testing;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.NettyServer;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import io.portbind.kv.snapshot.SnapshotFormat;
import io.portbind.kv.table.ServerState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/** The kv-service in-process on a free port (loopback unless a test asks for every interface), and its clients. */
public final class KvTestServer implements AutoCloseable {

    private final Path dir;
    private final KvServer application;
    private final NettyServer server;

    private KvTestServer(InetAddress bind, Map<String, String> environment) throws Exception {
        this(bind, environment, KvServer.SNAPSHOT_FORMAT);
    }

    private KvTestServer(InetAddress bind, Map<String, String> environment, SnapshotFormat format) throws Exception {
        dir = Files.createTempDirectory("kv-test-");
        // No save points and a directory of its own: a test server never writes dump.rdb where the build runs.
        Map<String, String> settings = new HashMap<>(Map.of("KV_SAVE", "", "KV_DIR", dir.toString()));
        settings.putAll(environment);
        application = new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), settings), format);
        server = NettyServer.start(new InetSocketAddress(bind, 0), application);
    }

    public static KvTestServer start() throws Exception {
        return start(Map.of());
    }

    /**
     * A server configured by {@code environment}, such as {@code KV_MAXCLIENTS}; unless it says otherwise, with
     * {@code KV_SAVE=""} and a temporary {@code KV_DIR}, removed when the server is closed.
     */
    public static KvTestServer start(Map<String, String> environment) throws Exception {
        return new KvTestServer(InetAddress.getLoopbackAddress(), environment);
    }

    /** A server configured by {@code environment} whose snapshots are written and read in {@code format}. */
    public static KvTestServer start(Map<String, String> environment, SnapshotFormat format) throws Exception {
        return new KvTestServer(InetAddress.getLoopbackAddress(), environment, format);
    }

    /** A server whose clients must AUTH with {@code password}. */
    public static KvTestServer withPassword(String password) throws Exception {
        return start(Map.of("KV_PASSWORD", password));
    }

    /** A server bound to 0.0.0.0, the default bind address, for clients that come from another host. */
    public static KvTestServer onEveryInterface() throws Exception {
        return new KvTestServer(InetAddress.getByName("0.0.0.0"), Map.of());
    }

    public int port() {
        return server.localAddress().getPort();
    }

    /** How many clients a blocking command parks right now (what INFO reports as blocked_clients). */
    public int blockedClients() {
        application.state().keyspace().lock();
        try {
            return application.blockedClients().blockedCount();
        } finally {
            application.state().keyspace().unlock();
        }
    }

    /** The server's keyspace, for tests that fill or read it directly (under its lock). */
    public Keyspace keyspace() {
        return application.state().keyspace();
    }

    /** The server's shared state, for tests that look inside (keyspace listeners). */
    public ServerState state() {
        return application.state();
    }

    /** A Jedis connection speaking RESP2 (no HELLO). */
    public Jedis jedis() {
        return new Jedis(new HostAndPort("127.0.0.1", port()), DefaultJedisClientConfig.builder().build());
    }

    /** A Jedis connection that opens with HELLO 3. */
    public Jedis jedisResp3() {
        return new Jedis(new HostAndPort("127.0.0.1", port()),
                DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).build());
    }

    /** The server itself, for in-process tests that look inside (the keyspace, the snapshots). */
    public KvServer application() {
        return application;
    }

    /** The temporary directory this server was given as {@code KV_DIR} (unless the test gave its own). */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
        deleteRecursively(dir);
    }

    /** Removes {@code dir} and everything in it, as far as it can. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException gone) {
            // nothing left to remove
        }
    }
}
