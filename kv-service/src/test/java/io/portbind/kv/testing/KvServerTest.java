package io.portbind.kv.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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

    /** Runs {@code command} on a connection of its own in the background: a client that may block. */
    protected <T> CompletableFuture<T> inBackground(Function<Jedis, T> command) {
        return CompletableFuture.supplyAsync(() -> {
            try (Jedis waiter = server.jedis()) {
                return command.apply(waiter);
            }
        });
    }

    /** Waits until the server counts {@code expected} blocked clients, as INFO would say. */
    protected void awaitBlockedClients(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (server.blockedClients() != expected) {
            assertTrue(System.nanoTime() < deadline, "expected " + expected + " blocked clients");
            Thread.sleep(5);
        }
    }
}
