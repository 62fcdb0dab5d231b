package io.portbind.http;

import io.portbind.common.config.ConfigResolver;
import io.portbind.common.server.BindFailedException;
import io.portbind.common.server.NettyServer;
import io.portbind.kv.server.KvServer;
import io.portbind.kv.server.Main;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/** This project's kv-service, in-process on a free port, as the http-service's backing store. */
final class KvServiceStore implements StoreUnderTest {

    private final int port = RedisServer.freePort();
    private NettyServer server;

    static KvServiceStore start() {
        return StoreUnderTest.started(new KvServiceStore());
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public void startAgain() {
        // No save points, and no snapshot file loaded from or written to where the build runs.
        KvServer application = new KvServer(ConfigResolver.resolve(Main.SERVICE, Map.of(),
                Map.of("KV_PORT", Integer.toString(port), "KV_SAVE", "", "KV_DIR", System.getProperty("java.io.tmpdir"),
                        "KV_DBFILENAME", "kv-service-store-" + port + ".rdb")));
        try {
            server = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), application);
        } catch (BindFailedException e) {
            throw new AssertionError("cannot bind port " + port, e);
        }
    }

    @Override
    public void stop() {
        server.stop(Duration.ofSeconds(1));
    }
}
