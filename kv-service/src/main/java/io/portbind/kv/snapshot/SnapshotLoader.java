package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.Keyspace;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up's load of {@code dir/dbfilename} into the empty keyspace, as Redis's {@code loadDataFromDisk} when
 * the AOF is off: keys whose time had come while the server was down are counted and skipped, the rest keep
 * their expiry time. No file is an empty start; a damaged file is an {@link IOException} naming the file and the
 * offset, and nothing of it is served.
 */
public final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

    private SnapshotLoader() {
    }

    /** Loads the file {@code snapshots} names, if it exists; the keyspace is empty and nobody is connected yet. */
    public static void load(Keyspace keyspace, Snapshots snapshots, SnapshotFormat format) throws IOException {
        Path file = snapshots.file();
        long started = System.nanoTime();
        long[] counts = new long[2];
        keyspace.lock();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            format.read(in, file.toString(), new SnapshotFormat.LoadTarget() {
                @Override
                public void add(int db, byte[] key, Object value, long expireAt) {
                    counts[keyspace.database(db).load(key, value, expireAt) ? 0 : 1]++;
                }

                @Override
                public void function(byte[] code) {
                    keyspace.functionStore().load(code);
                }
            });
        } catch (NoSuchFileException absent) {
            return;
        } finally {
            keyspace.unlock();
        }
        snapshots.loaded(counts[0], counts[1]);
        LOG.info("DB loaded from disk: {} keys ({} expired, skipped) from {} in {} seconds", counts[0], counts[1],
                file, String.format(Locale.ROOT, "%.3f", (System.nanoTime() - started) / 1e9));
    }
}
