package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.testing.KvTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.args.ListDirection;

/**
 * A snapshot being read on another thread shows the keyspace as it was when taken, whatever clients write
 * meanwhile over real connections: each test fills the keyspace, takes a snapshot, starts reading it and stops the
 * reader after its first key, lets Jedis write, then lets the reader go on and compares everything it read (values
 * rendered only then, so a value changed in place would show) with the keyspace as it was.
 */
class CopyOnWriteIsolationTest {

    private KvTestServer server;
    private Jedis redis;

    @BeforeEach
    void fill() throws Exception {
        server = KvTestServer.start();
        redis = server.jedis();
        redis.set("string", "text");
        redis.set("counter", "10");
        redis.setex("ttl", 3600, "expiring");
        redis.rpush("list", "a", "b", "c");
        redis.rpush("other", "x");
        redis.hset("hash", Map.of("f", "v", "g", "w"));
        redis.sadd("intset", "1", "2");
        redis.sadd("set", "m", "n");
        redis.zadd("zset", Map.of("one", 1.0, "two", 2.0));
        redis.select(1);
        redis.rpush("list1", "in", "db1");
        redis.select(0);
    }

    @AfterEach
    void stop() {
        redis.close();
        server.close();
    }

    @Test
    void collectionsChangedInPlace() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.lpush("list", "new");
            jedis.lset("list", 1, "changed");
            jedis.hset("hash", "f", "changed");
            jedis.hdel("hash", "g");
            jedis.sadd("intset", "3");
            jedis.srem("set", "m");
            jedis.zadd("zset", 9.0, "one");
            jedis.zincrby("zset", 5, "two");
            jedis.lmove("list", "other", ListDirection.LEFT, ListDirection.RIGHT);
            jedis.spop("set");
        });
    }

    @Test
    void stringsAppendedPatchedAndCounted() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.append("string", " more");
            jedis.setrange("string", 0, "TE");
            jedis.incr("counter");
            jedis.incrByFloat("counter", 0.5);
        });
    }

    @Test
    void bitmapsChangedInPlaceAreCopiedWhileASnapshotIsOpen() throws Exception {
        redis.setbit("string", 7, true); // the first SETBIT copies the value SET stored; later ones change it
        redis.bitfield("string", "SET", "u8", "8", "1");
        assertSnapshotUnchangedBy(jedis -> {
            jedis.setbit("string", 1, true);
            jedis.bitfield("string", "SET", "u8", "8", "255");
        });
    }

    @Test
    void bitmapsAreChangedInPlaceOnlyOnceTheirOwnCopyIsMade() throws Exception {
        Keyspace keyspace = server.application().state().keyspace();
        Object stored = live(keyspace, "string");
        redis.setbit("string", 7, true);
        Object owned = live(keyspace, "string");
        assertNotEquals(System.identityHashCode(stored), System.identityHashCode(owned), "SET's array is copied");
        redis.setbit("string", 6, true);
        redis.bitfield("string", "INCRBY", "u8", "0", "1");
        assertSame(owned, live(keyspace, "string"), "then changed in place");
        assertEquals("xext", redis.get("string"));
    }

    @Test
    void renameMovesTheReferenceAndTheSnapshotKeepsTheOldName() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.rename("list", "renamed");
            jedis.rpush("renamed", "after rename");
            jedis.renamenx("hash", "hash2");
            jedis.hset("hash2", "new", "field");
        });
    }

    @Test
    void moveToAnotherDatabase() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.move("zset", 3);
            jedis.select(3);
            jedis.zadd("zset", 7.0, "seven");
            jedis.select(0);
        });
    }

    @Test
    void swapdbExchangesTablesTheSnapshotDoesNotSee() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.swapDB(0, 1);
            jedis.rpush("list", "in db 1 now");
            jedis.select(1);
            jedis.rpush("list", "pushed after swap");
            jedis.select(0);
        });
    }

    @Test
    void flushallAndExpiryDropReferencesOnly() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            jedis.persist("ttl");
            jedis.expire("string", 100);
            jedis.del("set");
            jedis.flushAll();
            jedis.rpush("list", "a new list");
        });
    }

    @Test
    void writesInsideExec() throws Exception {
        assertSnapshotUnchangedBy(jedis -> {
            Transaction multi = jedis.multi();
            multi.get("string");
            multi.rpush("list", "queued");
            multi.sadd("set", "queued");
            multi.exec();
        });
    }

    @Test
    void blockedClientServedWhenItsKeyIsReady() throws Exception {
        redis.del("other");
        try (Jedis blocked = server.jedis()) {
            CompletableFuture<String> moved = CompletableFuture.supplyAsync(
                    () -> blocked.blmove("empty", "list", ListDirection.LEFT, ListDirection.LEFT, 10));
            awaitBlocked(1);
            assertSnapshotUnchangedBy(jedis -> jedis.rpush("empty", "wakes the blocked client"));
            assertEquals("wakes the blocked client", moved.get(10, TimeUnit.SECONDS));
            assertEquals("wakes the blocked client", redis.lindex("list", 0), "the live list got it");
        }
    }

    @Test
    void afterCloseWritesChangeValuesInPlaceAgain() throws Exception {
        Keyspace keyspace = server.application().state().keyspace();
        KeyspaceView view = take(keyspace);
        Object before = live(keyspace, "list");
        redis.rpush("list", "copied");
        Object copied = live(keyspace, "list");
        assertNotEquals(System.identityHashCode(before), System.identityHashCode(copied), "first write copies");
        redis.rpush("list", "again");
        assertSame(copied, live(keyspace, "list"), "a copy made after the snapshot is not copied again");
        view.close();
        assertEquals(0, keyspace.openSnapshots());
        redis.rpush("list", "in place");
        assertSame(copied, live(keyspace, "list"));
    }

    /** Runs {@code writes} while a snapshot is being read; the snapshot must show the state from before them. */
    private void assertSnapshotUnchangedBy(Consumer<Jedis> writes) throws Exception {
        Keyspace keyspace = server.application().state().keyspace();
        Map<String, String> before;
        KeyspaceView view;
        keyspace.lock();
        try {
            before = Rendering.of(keyspace);
            view = keyspace.snapshot();
        } finally {
            keyspace.unlock();
        }
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        CompletableFuture<Map<String, String>> read = CompletableFuture.supplyAsync(() -> {
            try {
                // The first key's visit waits for the writes; every value is rendered after them.
                view.forEach(0, (key, value, expireAt) -> {
                    reading.countDown();
                    await(written);
                });
                return Rendering.of(view);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(reading.await(10, TimeUnit.SECONDS), "the reader started");
        try (Jedis writer = server.jedis()) {
            writes.accept(writer);
        }
        Map<String, String> after;
        keyspace.lock();
        try {
            after = Rendering.of(keyspace);
        } finally {
            keyspace.unlock();
        }
        written.countDown();
        assertEquals(before, read.get(10, TimeUnit.SECONDS));
        assertNotEquals(before, after, "the writes changed the live keyspace");
        view.close();
    }

    private static KeyspaceView take(Keyspace keyspace) {
        keyspace.lock();
        try {
            return keyspace.snapshot();
        } finally {
            keyspace.unlock();
        }
    }

    private static Object live(Keyspace keyspace, String key) {
        keyspace.lock();
        try {
            keyspace.mayWrite(false);
            return keyspace.database(0).get(key.getBytes(StandardCharsets.UTF_8));
        } finally {
            keyspace.unlock();
        }
    }

    private void awaitBlocked(int count) throws InterruptedException {
        for (int i = 0; i < 200 && server.blockedClients() < count; i++) {
            Thread.sleep(10);
        }
        assertEquals(count, server.blockedClients());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the writes did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
