package io.portbind.kv.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import redis.clients.jedis.Jedis;

/**
 * Base of test classes that share one in-process server: each test gets a fresh RESP2 Jedis
 * connection ({@link #redis}) and an empty keyspace.
 */
public abstract class KvServerTest {

    protected static KvTestServer server;
    protected Jedis redis;

    @BeforeAll
    static void startServer() throws Exception {
        server = KvTestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connectToEmptyServer() {
        redis = server.jedis();
        redis.flushAll();
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }
}
