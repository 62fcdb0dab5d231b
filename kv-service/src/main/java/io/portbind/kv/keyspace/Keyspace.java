package io.portbind.kv.keyspace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The sixteen databases and the one lock that makes every command atomic. A command runs between
 * {@link #lock()} and {@link #unlock()}; the clock ({@link #now()}) is read once when the lock is
 * taken, so a command (or a whole EXEC) sees one instant, as in Redis. Keys created during a command
 * are announced to {@link KeyspaceListener#keyReady} when its outermost lock is released. The keyspace also sums
 * the memory estimate of every database ({@link #usedMemory()}) and holds the rule by which lookups stamp keys
 * ({@link KeyAccess}).
 */
public final class Keyspace {

    public static final int DATABASES = 16;

    private final Database[] databases = new Database[DATABASES];
    /** How often a client waiting for the lock asks whether to give up (see {@link #lockUnless}). */
    private static final long WAIT_SLICE_MILLIS = 5;
    private volatile FunctionStore functionStore = FunctionStore.NONE;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<KeyspaceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Object> readyKeys = new ArrayList<>();
    private final KeyspaceStats stats = new KeyspaceStats();
    private final OpenSnapshots snapshots = new OpenSnapshots();
    private long now;
    /** How many {@link #lock()} calls the holding thread is inside: 1 in a command, 2 in one a command runs. */
    private int depth;
    /** Whether the command holding the lock may change values (see {@link #mayWrite}); true unless told. */
    private boolean writing = true;
    /** The sum of every database's estimate; volatile so the dispatcher may compare it with maxmemory unlocked. */
    private volatile long usedMemory;
    private KeyAccess keyAccess = KeyAccess.UNTRACKED;
    private boolean touching = true;
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

    /**
     * Takes the keyspace lock for one command and, if it is the outermost one, fixes the command's clock. Inside
     * a {@link #hold()} this is a reentrant acquisition, but each command still gets its own clock and its own
     * announcement of ready keys.
     */
    public void lock() {
        lock.lock();
        held();
    }

    /**
     * Takes the lock like {@link #lock}, unless {@code giveUp} says yes while waiting for it (a script holding it
     * has become busy); it is asked every few milliseconds. Returns whether the lock was taken.
     */
    public boolean lockUnless(BooleanSupplier giveUp) {
        if (!acquireUnless(giveUp)) {
            return false;
        }
        held();
        return true;
    }

    private void held() {
        if (depth++ == 0) {
            now = System.currentTimeMillis();
            writing = true;
        }
    }

    /** Announces the keys that became ready (at the end of the outermost command), then releases the lock. */
    public void unlock() {
        try {
            if (depth == 1 && !readyKeys.isEmpty()) {
                writing = true; // serving a blocked client pops or moves: it writes whatever command woke it
                announceReadyKeys();
            }
        } finally {
            depth--;
            lock.unlock();
        }
    }

    /**
     * Takes the lock for a run of commands of one client (the requests of one read), which then take it
     * reentrantly, without contention, instead of once each; like Redis, which runs every complete command in a
     * client's query buffer before it turns to the next client. Not a command: the clock and ready keys are
     * still per {@link #lock()}. Released with {@link #release()}.
     */
    public void hold() {
        lock.lock();
    }

    /** Takes the lock like {@link #hold}, unless {@code giveUp} says yes while waiting (see {@link #lockUnless}). */
    public boolean holdUnless(BooleanSupplier giveUp) {
        return acquireUnless(giveUp);
    }

    private boolean acquireUnless(BooleanSupplier giveUp) {
        try {
            while (!lock.tryLock(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS)) {
                if (giveUp.getAsBoolean()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Ends a {@link #hold()}. */
    public void release() {
        lock.unlock();
    }

    /** The current command's time in Unix milliseconds. */
    public long now() {
        return now;
    }

    /**
     * A view of every database as it is now, which another thread may read while clients go on writing, taken
     * copy-on-write (see {@link CopyOnWriteSnapshot}): the pause is a few array copies per database. The caller
     * holds the lock, and closes the view when done with it.
     */
    /** The function libraries that snapshots carry beside the keys; {@link FunctionStore#NONE} without scripting. */
    public FunctionStore functionStore() {
        return functionStore;
    }

    public void functionStore(FunctionStore store) {
        this.functionStore = store;
    }

    public KeyspaceView snapshot() {
        return CopyOnWriteSnapshot.take(this, snapshots);
    }

    /** How many snapshots are open (taken and not yet closed). */
    public int openSnapshots() {
        return snapshots.count();
    }

    /**
     * Says whether the command about to run under the lock may change values, and returns what was said before,
     * to be restored after it. The dispatcher calls this for each command from its declared {@code WRITE} flag;
     * code that takes the lock without saying counts as writing, the safe side: while a snapshot is open, a
     * write to a collection it shares must copy it first ({@link Database#get}), a read must not pay for that.
     */
    public boolean mayWrite(boolean writes) {
        boolean before = writing;
        writing = writes;
        return before;
    }

    /** Whether {@code value} must be copied before the running command may change it. */
    boolean sharedWithSnapshot(StoredValue value) {
        return writing && value.generation() < snapshots.sharedBelow();
    }

    /**
     * Estimated heap bytes of every key, value, expiry and key table (INFO's {@code used_memory}); kept as keys
     * change, never by walking them. May be read without the lock.
     */
    public long usedMemory() {
        return usedMemory;
    }

    /** The rule by which lookups and writes stamp keys for LRU or LFU; set under the lock (CONFIG SET). */
    public KeyAccess keyAccess() {
        return keyAccess;
    }

    public void keyAccess(KeyAccess rule) {
        this.keyAccess = rule;
    }

    /** Whether the running command's lookups update access stamps: not for a client in CLIENT NO-TOUCH mode. */
    public boolean touching() {
        return touching;
    }

    /** Set by the dispatcher under the lock before each command runs. */
    public void touching(boolean touches) {
        this.touching = touches;
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

    void memoryChanged(long change) {
        usedMemory += change;
    }

    void signalEvent(int db, EventClass type, String event, byte[] key) {
        for (KeyspaceListener listener : listeners) {
            listener.keyEvent(db, type, event, key);
        }
    }

    void signalCreated(int db, byte[] key) {
        for (KeyspaceListener listener : listeners) {
            listener.keyCreated(db, key);
        }
    }

    void signalEvicted(int db, byte[] key) {
        for (KeyspaceListener listener : listeners) {
            listener.keyEvicted(db, key);
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
