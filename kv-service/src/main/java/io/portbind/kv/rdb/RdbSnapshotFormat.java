package io.portbind.kv.rdb;

import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.snapshot.SnapshotFormat;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Snapshots (SAVE, BGSAVE, dump.rdb at start) in Redis 7.0's RDB file format, so that redis-server and its tools
 * read what kv-service saves and kv-service loads what they save. A damaged file fails with an
 * {@link RdbFormatException} whose message names the file and the offset.
 */
public final class RdbSnapshotFormat implements SnapshotFormat {

    @Override
    public void write(KeyspaceView view, OutputStream out) throws IOException {
        RdbWriter.write(view, out, RdbPurpose.SNAPSHOT);
    }

    @Override
    public void read(InputStream in, String fileName, LoadTarget target) throws IOException {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in);
        RdbReader.read(buffered, fileName, new RdbSink() {
            @Override
            public void entry(int db, byte[] key, Object value, long expireAtMillis) {
                target.add(db, key, value, expireAtMillis);
            }

            @Override
            public void function(byte[] code) {
                target.function(code);
            }
        });
    }
}
