package io.portbind.kv.testing;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.NettyServer;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import io.portbind.kv.table.ServerState;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisProtocol;

/** The kv-service in-process on a free port (loopback unless a test asks for every interface), and its clients. */
public final class KvTestServer implements AutoCloseable {

    private final KvServer application;
    private final NettyServer server;

    private KvTestServer(InetAddress bind, Map<String, String> environment) throws Exception {
        application = new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(), environment));
        server = NettyServer.start(new InetSocketAddress(bind, 0), application);
    }

    public static KvTestServer start() throws Exception {
        return start(Map.of());
    }

    /** A server configured by {@code environment}, such as {@code KV_MAXCLIENTS}. */
    public static KvTestServer start(Map<String, String> environment) throws Exception {
        return new KvTestServer(InetAddress.getLoopbackAddress(), environment);
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

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
    }
}
