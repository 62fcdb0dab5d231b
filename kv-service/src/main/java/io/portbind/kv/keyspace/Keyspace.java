package io.portbind.kv.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The sixteen databases and the one lock that makes every command atomic. A command runs between
 * {@link #lock()} and {@link #unlock()}; the clock ({@link #now()}) is read once when the lock is
 * taken, so a command (or a whole EXEC) sees one instant, as in Redis. Keys created during a command
 * are announced to {@link KeyspaceListener#keyReady} when its outermost lock is released.
 */
public final class Keyspace {

    public static final int DATABASES = 16;

    private final Database[] databases = new Database[DATABASES];
    private final ReentrantLock lock = new ReentrantLock();
    private final List<KeyspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Object> readyKeys = new ArrayList<>();
    private final KeyspaceStats stats = new KeyspaceStats();
    private long now;
    /** Changes made to the data so far (Redis's {@code server.dirty}): what propagation compares around a command. */
    private long dirty;

    public Keyspace() {
        for (int i = 0; i < DATABASES; i++) {
            databases[i] = new Database(this, i);
        }
    }

    /** Database {@code index} (0 to 15). Only to be used while holding the lock. */
    public Database database(int index) {
        return databases[index];
    }

    /** Hits, misses and expired keys, for INFO; only to be used while holding the lock. */
    public KeyspaceStats stats() {
        return stats;
    }

    public void addListener(KeyspaceListener listener) {
        listeners.add(listener);
    }

    /** Takes the keyspace lock and, if this is the outermost hold, fixes the command's clock. */
    public void lock() {
        lock.lock();
        if (lock.getHoldCount() == 1) {
            now = System.currentTimeMillis();
        }
    }

    /** Announces the keys that became ready, then releases the lock. */
    public void unlock() {
        try {
            if (lock.getHoldCount() == 1 && !readyKeys.isEmpty()) {
                announceReadyKeys();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current command's time in Unix milliseconds. */
    public long now() {
        return now;
    }

    /**
     * A view of every database as it is now, which another thread may read while clients go on writing. The
     * caller holds the lock.
     */
    public KeyspaceView snapshot() {
        return new CopiedKeyspace(this);
    }

    /**
     * How many changes commands have made to the data since start: every write, delete, expiry-time change and
     * database replacement counts; keys that expire do not (Redis's {@code server.dirty}). Under the lock.
     */
    public long dirty() {
        return dirty;
    }

    /** Exchanges the contents of two databases (SWAPDB). */
    public void swap(int first, int second) {
        databases[first].swapWith(databases[second]);
    }

    void signalModified(int db, byte[] key) {
        dirty++;
        for (KeyspaceListener listener : listeners) {
            listener.keyModified(db, key);
        }
    }

    /** {@code key} expired and was deleted, lazily or by the active cycle: a change, but no command's. */
    void signalExpired(int db, byte[] key) {
        for (KeyspaceListener listener : listeners) {
            listener.keyModified(db, key);
            listener.keyExpired(db, key);
        }
    }

    /**
     * Announces {@code key} of {@code db} to {@link KeyspaceListener#keyReady} when the command ends, as a key it
     * created is (Redis's {@code signalKeyAsReady}): for keys that SWAPDB or FLUSHDB made available at once.
     */
    public void signalKeyAsReady(int db, byte[] key) {
        signalReady(db, key);
    }

    void signalReady(int db, byte[] key) {
        for (KeyspaceListener listener : listeners) {
            if (listener.awaitsReadyKeys()) {
                readyKeys.add(db);
                readyKeys.add(key);
                return;
            }
        }
    }

    void signalReplaced(int db) {
        dirty++;
        for (KeyspaceListener listener : listeners) {
            listener.databaseReplaced(db);
        }
    }

    private void announceReadyKeys() {
        // A listener may serve a blocked client whose command creates keys again: take turns until quiet.
        while (!readyKeys.isEmpty()) {
            List<Object> batch = new ArrayList<>(readyKeys);
            readyKeys.clear();
            for (int i = 0; i < batch.size(); i += 2) {
                for (KeyspaceListener listener : listeners) {
                    listener.keyReady((Integer) batch.get(i), (byte[]) batch.get(i + 1));
                }
            }
        }
    }
}
