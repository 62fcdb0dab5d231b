package io.portbind.kv.keyspace;

import java.io.IOException;
import java.util.List;

/**
 * A read-only view of every database at one instant, which a thread other than the command's may read
 * without the keyspace lock while clients go on writing: what RDB snapshots, DUMP-style serialization and AOF
 * rewrites read. Taken by {@link Keyspace#snapshot()}; {@link #close()} it once read, which ends the copying
 * that keeps it unchanged.
 */
public interface KeyspaceView extends AutoCloseable {

    /** How many keys database {@code db} holds, for RDB's RESIZEDB hint. */
    long size(int db);

    /** How many keys all databases hold. */
    default long keys() {
        long keys = 0;
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            keys += size(db);
        }
        return keys;
    }

    /** How many of them have an expiry time. */
    long expiringSize(int db);

    /**
     * Visits every key of database {@code db} with its value (a {@code byte[]} string or a {@link StoredValue})
     * and its expiry time in Unix milliseconds ({@link Database#NO_EXPIRY} for none). The value must not be
     * changed.
     */
    void forEach(int db, EntryVisitor visitor) throws IOException;

    /** The code of each function library when the view was taken, in load order. */
    default List<byte[]> functionCodes() {
        return List.of();
    }

    /** When the view was taken, in Unix milliseconds: keys that had expired by then are not in it. */
    default long takenAtMillis() {
        return 0;
    }

    /** How long taking the view held the keyspace lock, in nanoseconds. */
    default long pauseNanos() {
        return 0;
    }

    /** The view will not be read again. Safe to call from any thread, more than once. */
    @Override
    default void close() {
    }

    /** One key of a {@link KeyspaceView}. */
    @FunctionalInterface
    interface EntryVisitor {

        void visit(byte[] key, Object value, long expireAtMillis) throws IOException;
    }
}
