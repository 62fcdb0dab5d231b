package io.portbind.kv.keyspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    /** A stand-in for the collection types other families add. */
    private record FakeList(boolean isEmpty) implements StoredValue {
        @Override
        public ValueType type() {
            return ValueType.LIST;
        }

        @Override
        public StoredValue copy() {
            return new FakeList(isEmpty);
        }

        @Override
        public long generation() {
            return 0;
        }

        @Override
        public String encoding() {
            return "listpack";
        }
    }

    private final Keyspace keyspace = new Keyspace();
    private final List<String> events = new ArrayList<>();
    private Database db;

    @BeforeEach
    void lock() {
        keyspace.addListener(new KeyspaceListener() {
            @Override
            public void keyModified(int index, byte[] key) {
                events.add("modified " + index + " " + text(key));
            }

            @Override
            public void keyReady(int index, byte[] key) {
                events.add("ready " + index + " " + text(key));
            }

            @Override
            public void databaseReplaced(int index) {
                events.add("replaced " + index);
            }
        });
        keyspace.lock();
        db = keyspace.database(3);
    }

    @AfterEach
    void unlock() {
        while (true) {
            try {
                keyspace.unlock();
            } catch (IllegalMonitorStateException released) {
                return;
            }
        }
    }

    @Test
    void wrongTypeIsCheckedCentrally() {
        db.put(key("list"), new FakeList(false));
        assertSame(CommandError.WRONGTYPE, assertThrows(CommandError.class, () -> db.getString(key("list"))));
        assertEquals("list", ValueType.of(db.get(key("list"))).typeName());
        db.put(key("s"), key("v"));
        assertThrows(CommandError.class, () -> db.get(key("s"), ValueType.LIST));
    }

    @Test
    void expiryIsExactToTheMillisecondOfTheCommandClock() {
        db.put(key("k"), key("v"));
        db.setExpireTime(key("k"), keyspace.now() + 1);
        assertArrayEquals(key("v"), db.getString(key("k")));
        assertEquals(1, db.expiringSize());
        keyspace.unlock();
        waitMillis(2);
        keyspace.lock();
        assertNull(db.get(key("k")));
        assertEquals(0, db.size());
        assertEquals(0, db.expiringSize());
    }

    @Test
    void aTimeInThePastDeletesAtOnce() {
        db.put(key("k"), key("v"));
        db.setExpireTime(key("k"), keyspace.now());
        assertFalse(db.exists(key("k")));
    }

    @Test
    void activeExpiryReclaimsKeysNobodyReads() {
        for (int i = 0; i < 1000; i++) {
            db.put(key("k" + i), key("v"));
            db.setExpireTime(key("k" + i), keyspace.now() + 1);
        }
        db.put(key("forever"), key("v"));
        keyspace.unlock();
        waitMillis(2);
        ActiveExpiry expiry = new ActiveExpiry(keyspace);
        for (int round = 0; round < 100 && db.size() > 1; round++) {
            expiry.cycle();
        }
        keyspace.lock();
        assertEquals(1, db.size());
        assertTrue(db.exists(key("forever")));
    }

    @Test
    void listenersHearWritesAndNewKeysAfterTheCommand() {
        db.put(key("a"), key("1"));
        db.put(key("a"), key("2"));
        db.delete(key("a"));
        assertEquals(List.of("modified 3 a", "modified 3 a", "modified 3 a"), events);
        keyspace.unlock();
        assertEquals("ready 3 a", events.get(events.size() - 1));
        keyspace.lock();
    }

    @Test
    void flushAndSwapReplaceWholeDatabases() {
        db.put(key("a"), key("1"));
        keyspace.swap(3, 4);
        assertFalse(db.exists(key("a")));
        assertTrue(keyspace.database(4).exists(key("a")));
        keyspace.database(4).clear();
        assertEquals(List.of("modified 3 a", "replaced 3", "replaced 4", "replaced 4"), events);
    }

    private static void waitMillis(long millis) {
        long until = System.currentTimeMillis() + millis + 1;
        while (System.currentTimeMillis() < until) {
            Thread.onSpinWait();
        }
    }

    private static byte[] key(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] key) {
        return new String(key, StandardCharsets.UTF_8);
    }
}
