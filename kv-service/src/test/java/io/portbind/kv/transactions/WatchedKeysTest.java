package io.portbind.kv.transactions;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.Session;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WATCH across SWAPDB (driven through the keyspace): a change when the key exists on either side. */
class WatchedKeysTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.US_ASCII);

    private final Keyspace keyspace = new Keyspace();
    private final WatchedKeys watchedKeys = new WatchedKeys(keyspace);
    private final Session session = new Session(1, new EmbeddedChannel(), true, () -> { });

    @BeforeEach
    void lock() {
        keyspace.addListener(watchedKeys);
        keyspace.lock();
    }

    @AfterEach
    void unlock() {
        keyspace.unlock();
    }

    @Test
    void swappingInADatabaseWhereTheWatchedKeyExistsIsAChange() {
        keyspace.database(1).put(KEY, "there".getBytes(StandardCharsets.US_ASCII));
        watchedKeys.watch(session, 0, KEY);
        keyspace.swap(0, 1);
        assertTrue(watchedKeys.changed(session));
    }

    @Test
    void swappingOutADatabaseWhereTheWatchedKeyExistedIsAChange() {
        keyspace.database(0).put(KEY, "here".getBytes(StandardCharsets.US_ASCII));
        watchedKeys.watch(session, 0, KEY);
        keyspace.swap(0, 1);
        assertTrue(watchedKeys.changed(session));
    }

    @Test
    void swapWithoutTheWatchedKeyOnEitherSideIsNoChange() {
        keyspace.database(1).put("other".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        watchedKeys.watch(session, 0, KEY);
        keyspace.swap(0, 1);
        assertFalse(watchedKeys.changed(session));
    }
}
