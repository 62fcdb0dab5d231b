package io.portbind.chat;

import io.portbind.kv.testing.KvTestServer;
import io.portbind.kv.testing.RedisServerProcess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The RESP store chat-service nodes share in a test: an in-process kv-service or a real redis-server. */
interface SharedStore extends AutoCloseable {

    int port();

    /** {@code redis://127.0.0.1:port}, for {@code KV_URL}. */
    default String url() {
        return "redis://127.0.0.1:" + port();
    }

    static SharedStore kvService() throws Exception {
        KvTestServer server = KvTestServer.start();
        return new SharedStore() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    static SharedStore redisServer() throws Exception {
        return redisServer(RedisServerProcess.freePort());
    }

    /** A redis-server on {@code port}, without persistence. */
    static SharedStore redisServer(int port) throws Exception {
        return redisServer(port, "--save", "");
    }

    /**
     * A redis-server on {@code port} that saves its data in {@code dir} when stopped and loads it when started
     * there again: an outage of the store, not the loss of its data.
     */
    static SharedStore durableRedisServer(int port, Path dir) throws Exception {
        return redisServer(port, "--dir", dir.toString(), "--save", "3600 1");
    }

    private static SharedStore redisServer(int port, String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("--bind", "127.0.0.1"));
        all.addAll(List.of(settings));
        RedisServerProcess redis = RedisServerProcess.start(port, all.toArray(String[]::new));
        return new SharedStore() {
            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                redis.close();
            }
        };
    }
}
