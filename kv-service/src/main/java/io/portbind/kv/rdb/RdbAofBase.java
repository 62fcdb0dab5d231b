package io.portbind.kv.rdb;

import io.portbind.kv.aof.RdbBaseLoader;
import io.portbind.kv.keyspace.Keyspace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An AOF base in RDB format ({@code appendonly.aof.N.base.rdb}, as Redis 7.0 writes with its default
 * {@code aof-use-rdb-preamble yes}) read into the keyspace, keys past their expiry time skipped.
 */
public final class RdbAofBase implements RdbBaseLoader {

    private final Keyspace keyspace;

    public RdbAofBase(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    @Override
    public long load(InputStream in) throws IOException {
        // RdbReader reads in small pieces and never past the checksum, so the AOF's own buffered stream is used
        // as it is: whatever commands follow the RDB part stay unread for the AOF loader.
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        keyspace.lock();
        try {
            return RdbReader.read(buffered, "the RDB part", (db, key, value, expireAt) ->
                    keyspace.database(db).load(key, value, expireAt)).bytes();
        } finally {
            keyspace.unlock();
        }
    }
}
