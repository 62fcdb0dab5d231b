package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.KeyspaceView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How a snapshot becomes the bytes of a file and back: the RDB codec of {@code io.portbind.kv.rdb} in the server
 * ({@code RdbWriter} writes a whole file from a view, {@code RdbReader} reads one into a sink), a test double in
 * unit tests. Everything else about saving (which file, when, atomically, fsync) is {@link Snapshots}'s.
 */
public interface SnapshotFormat {

    /** Writes every database of {@code view} as one whole file to {@code out}; the caller flushes and closes it. */
    void write(KeyspaceView view, OutputStream out) throws IOException;

    /**
     * Reads a whole file from {@code in} into {@code target}. A file that is damaged or not in this format throws
     * an {@link IOException} whose message names {@code fileName} and the offset of the first bad byte, as one
     * line: start-up prints it and exits with status 1.
     */
    void read(InputStream in, String fileName, LoadTarget target) throws IOException;

    /** Where a loaded file's keys go. */
    @FunctionalInterface
    interface LoadTarget {

        /**
         * One key of database {@code db}: its value ({@code byte[]} or a {@link io.portbind.kv.keyspace.StoredValue})
         * and its expiry time in Unix milliseconds, or {@link io.portbind.kv.keyspace.Database#NO_EXPIRY}.
         */
        void add(int db, byte[] key, Object value, long expireAtMillis);

        /** One function library's code; throws {@code IllegalArgumentException} when it does not load. */
        default void function(byte[] code) {
            throw new IllegalArgumentException("functions are not loaded here");
        }
    }
}
