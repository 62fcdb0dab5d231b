package io.portbind.kv.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.portbind.kv.lists.ListValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Copy-on-write: while a snapshot is open, a lookup by a command that may write replaces a collection made before
 * it by a copy; reads, values made later and closed snapshots copy nothing.
 */
class CopyOnWriteSnapshotTest {

    private static final byte[] KEY = "list".getBytes(StandardCharsets.UTF_8);

    private final Keyspace keyspace = new Keyspace();
    private Database db;

    @BeforeEach
    void lock() {
        keyspace.lock();
        db = keyspace.database(0);
        ListValue list = new ListValue();
        list.addLast(bytes("before"));
        db.put(KEY, list);
    }

    @AfterEach
    void unlock() {
        keyspace.unlock();
    }

    @Test
    void aWriteCopiesASharedCollectionOnceAndTheSnapshotKeepsTheOriginal() throws Exception {
        ListValue original = db.get(KEY, ValueType.LIST);
        KeyspaceView view = keyspace.snapshot();
        ListValue written = db.get(KEY, ValueType.LIST);
        assertNotSame(original, written);
        written.addLast(bytes("after"));
        assertSame(written, db.get(KEY, ValueType.LIST), "made after the snapshot: changed in place");
        assertEquals(List.of("before"), elements(view));
        view.close();
        assertEquals(0, keyspace.openSnapshots());
    }

    @Test
    void aReadOnlyCommandGetsTheSharedValueItself() {
        ListValue original = db.get(KEY, ValueType.LIST);
        KeyspaceView view = keyspace.snapshot();
        boolean before = keyspace.mayWrite(false);
        assertSame(original, db.get(KEY, ValueType.LIST));
        keyspace.mayWrite(before);
        view.close();
    }

    @Test
    void anOlderSnapshotStaysProtectedWhenANewerOneCloses() throws Exception {
        KeyspaceView older = keyspace.snapshot();
        ListValue copy = db.get(KEY, ValueType.LIST);
        copy.addLast(bytes("between"));
        KeyspaceView newer = keyspace.snapshot();
        newer.close();
        ListValue again = db.get(KEY, ValueType.LIST);
        assertSame(copy, again, "made after the older snapshot, and the newer one is closed");
        again.addLast(bytes("later"));
        assertEquals(List.of("before"), elements(older));
        older.close();
        assertSame(again, db.get(KEY, ValueType.LIST));
    }

    private static List<String> elements(KeyspaceView view) throws Exception {
        List<String> seen = new ArrayList<>();
        view.forEach(0, (key, value, expireAt) -> {
            ListValue list = (ListValue) value;
            for (int i = 0; i < list.size(); i++) {
                seen.add(new String(list.get(i), StandardCharsets.UTF_8));
            }
        });
        return seen;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
