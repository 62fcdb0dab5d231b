package io.portbind.kv.rdb;

import io.portbind.kv.aof.RdbBase;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * AOF bases in RDB format ({@code appendonly.aof.N.base.rdb}, as Redis 7.0 writes with its default
 * {@code aof-use-rdb-preamble yes}): written from a snapshot, and read into the keyspace, keys past their expiry
 * time skipped.
 */
public final class RdbAofBase implements RdbBase {

    private final Keyspace keyspace;

    public RdbAofBase(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    @Override
    public void write(KeyspaceView view, OutputStream out) throws IOException {
        RdbWriter.write(view, out, RdbPurpose.AOF_BASE);
    }

    @Override
    public long load(InputStream in) throws IOException {
        // RdbReader reads in small pieces and never past the checksum, so the AOF's own buffered stream is used
        // as it is: whatever commands follow the RDB part stay unread for the AOF loader.
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        keyspace.lock();
        try {
            return RdbReader.read(buffered, "the RDB part", new RdbSink() {
                @Override
                public void entry(int db, byte[] key, Object value, long expireAt) {
                    keyspace.database(db).load(key, value, expireAt);
                }

                @Override
                public void function(byte[] code) {
                    keyspace.functionStore().load(code);
                }
            }).bytes();
        } finally {
            keyspace.unlock();
        }
    }
}
