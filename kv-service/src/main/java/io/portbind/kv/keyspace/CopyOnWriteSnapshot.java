package io.portbind.kv.keyspace;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link KeyspaceView} taken without copying any value: a point-in-time snapshot for a JVM, which has no
 * {@code fork()}. Redis forks and lets the kernel copy each memory page the parent writes to while the child
 * saves; this does the same at the grain of one value.
 *
 * <p>Taking it, under the keyspace lock: a new {@link SnapshotGenerations generation} is opened, and each
 * database's two tables (keys to values, keys to expiry times) are copied shallowly, a few array copies per
 * database ({@link ByteKeyTable#shallowCopy()}); keys and values themselves are shared. That is the whole pause:
 * it grows with the number of keys (about 32 bytes of arrays copied per key, the key table's hashes with their
 * access stamps), not with the size of the values.
 *
 * <p>While it is open, nothing it holds changes:
 * <ul>
 *   <li>the copied tables belong to the snapshot alone, so SET, DEL, RENAME, MOVE, SWAPDB, FLUSHALL and expiry
 *       change the live tables only (RENAME and MOVE move a reference; the snapshot still finds the value under
 *       its old name);</li>
 *   <li>strings are never changed in place ({@link StoredValue});</li>
 *   <li>a collection changed in place (LPUSH, HSET, ZADD ...) is first replaced in the live table by a copy if it
 *       is older than the snapshot: {@link Database#get} does so inside any command that may write (the
 *       dispatcher marks the commands declared {@code WRITE}; everything else that takes the lock, such as
 *       blocked clients served when a key is ready, counts as writing). The first write to each shared
 *       collection pays for one copy of it, as a forked Redis pays for a page; later writes, and values made
 *       after the snapshot, are changed in place.</li>
 * </ul>
 * Readers of the live keyspace only read, so the snapshot's thread and clients may read a shared value at once.
 * {@link #close()} ends the copying; an unclosed snapshot costs copies, never correctness.
 */
final class CopyOnWriteSnapshot implements KeyspaceView {

    private final OpenSnapshots owner;
    private final long generation;
    private final long now;
    private final ByteKeyTable<Object>[] entries;
    private final ByteKeyTable<Long>[] expires;
    private final long pauseNanos;
    private final List<byte[]> functionCodes;
    private final AtomicBoolean closed = new AtomicBoolean();

    @SuppressWarnings("unchecked")
    private CopyOnWriteSnapshot(Keyspace keyspace, OpenSnapshots owner) {
        long started = System.nanoTime();
        this.owner = owner;
        this.generation = owner.open();
        this.now = keyspace.now();
        this.entries = new ByteKeyTable[Keyspace.DATABASES];
        this.expires = new ByteKeyTable[Keyspace.DATABASES];
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            entries[db] = keyspace.database(db).copyOfEntries();
            expires[db] = keyspace.database(db).copyOfExpires();
        }
        this.functionCodes = keyspace.functionStore().codes();
        this.pauseNanos = System.nanoTime() - started;
    }

    /** Takes a snapshot of {@code keyspace}, whose lock the caller holds. */
    static CopyOnWriteSnapshot take(Keyspace keyspace, OpenSnapshots owner) {
        return new CopyOnWriteSnapshot(keyspace, owner);
    }

    @Override
    public List<byte[]> functionCodes() {
        return functionCodes;
    }

    @Override
    public long size(int db) {
        return entries[db].size();
    }

    @Override
    public long expiringSize(int db) {
        return expires[db].size();
    }

    /** Visits the keys that were live when the snapshot was taken: one whose time had come is left out. */
    @Override
    public void forEach(int db, EntryVisitor visitor) throws IOException {
        ByteKeyTable<Object> table = entries[db];
        ByteKeyTable<Long> expiring = expires[db];
        for (int slot = 0; slot < table.capacity(); slot++) {
            byte[] key = table.keyAt(slot);
            if (key == null) {
                continue;
            }
            Long at = expiring.size() == 0 ? null : expiring.get(key);
            if (at != null && at <= now) {
                continue;
            }
            visitor.visit(key, table.valueAt(slot), at == null ? Database.NO_EXPIRY : at);
        }
    }

    @Override
    public long takenAtMillis() {
        return now;
    }

    @Override
    public long pauseNanos() {
        return pauseNanos;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            owner.close(generation);
        }
    }
}
