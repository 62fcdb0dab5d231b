package io.portbind.kv.keyspace;

import java.io.IOException;

/**
 * A read-only view of every database at one instant, which a thread other than the command's may read
 * without the keyspace lock while clients go on writing: what RDB snapshots, DUMP-style serialization and AOF
 * rewrites read. Taken by {@link Keyspace#snapshot()}.
 */
public interface KeyspaceView {

    /** How many keys database {@code db} holds, for RDB's RESIZEDB hint. */
    long size(int db);

    /** How many of them have an expiry time. */
    long expiringSize(int db);

    /**
     * Visits every key of database {@code db} with its value (a {@code byte[]} string or a {@link StoredValue})
     * and its expiry time in Unix milliseconds ({@link Database#NO_EXPIRY} for none). The value must not be
     * changed.
     */
    void forEach(int db, EntryVisitor visitor) throws IOException;

    /** One key of a {@link KeyspaceView}. */
    @FunctionalInterface
    interface EntryVisitor {

        void visit(byte[] key, Object value, long expireAtMillis) throws IOException;
    }
}
