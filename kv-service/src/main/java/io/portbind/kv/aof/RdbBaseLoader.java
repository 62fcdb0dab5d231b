package io.portbind.kv.aof;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads a base file in RDB format ({@code appendonly.aof.N.base.rdb}, or an old-style AOF with an RDB preamble)
 * into the keyspace: the hook the RDB codec fills ({@code RdbReader} reading into the keyspace as its sink).
 * Until it is set, a directory whose base is an RDB file stops start-up with one line saying so.
 */
@FunctionalInterface
public interface RdbBaseLoader {

    /**
     * Reads one RDB file from {@code in}, which is positioned at its {@code REDIS} signature, into the keyspace,
     * reading nothing past its end (the checksum), and returns how many bytes it consumed, so that an AOF tail
     * after it can be replayed. Runs before clients are served, on the start-up thread, without the keyspace
     * lock held: it takes the lock itself for its writes.
     *
     * @throws IOException when the file cannot be read or is not a valid RDB file; the message is shown
     */
    long load(InputStream in) throws IOException;
}
