package io.portbind.kv.aof;

import java.io.IOException;
import io.portbind.kv.keyspace.KeyspaceView;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Base files in RDB format ({@code appendonly.aof.N.base.rdb}, or an old-style AOF with an RDB preamble), as
 * Redis 7.0 writes them with its default {@code aof-use-rdb-preamble yes}: the RDB codec provides it, so that this
 * package needs no RDB code of its own. Without one, rewrites write bases of type aof, and a directory whose base
 * is an RDB file stops start-up with one line saying so.
 */
public interface RdbBase {

    /**
     * Reads one RDB file from {@code in}, which is positioned at its {@code REDIS} signature, into the keyspace,
     * reading nothing past its end (the checksum), and returns how many bytes it consumed, so that an AOF tail
     * after it can be replayed. Runs before clients are served, on the start-up thread, without the keyspace
     * lock held: it takes the lock itself for its writes.
     *
     * @throws IOException when the file cannot be read or is not a valid RDB file; the message is shown
     */
    long load(InputStream in) throws IOException;

    /** Writes {@code view} as a whole RDB file, marked as an AOF base, to {@code out}; the caller syncs it. */
    void write(KeyspaceView view, OutputStream out) throws IOException;
}
