package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.KeyspaceView;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;

/**
 * Writes a snapshot file the way Redis's {@code rdbSave} does, so that a crash at any moment leaves either the
 * old file or the new one, never half of one: the bytes go to {@code temp-<pid>.rdb} in the same directory, are
 * fsynced, the temporary file is renamed over the target atomically, and the directory is fsynced so the rename
 * itself is durable. On any failure the temporary file is removed and the old file stays.
 */
final class SnapshotFile {

    private static final int BUFFER = 1 << 16;

    private SnapshotFile() {
    }

    /** The temporary file a save in {@code dir} writes first (Redis names it after the saving process). */
    static Path temporary(Path dir) {
        return dir.resolve("temp-" + ProcessHandle.current().pid() + ".rdb");
    }

    /**
     * Writes {@code view} in {@code format} to {@code dir/fileName}. {@code cancelled} is polled as bytes go out:
     * once true the save stops with an {@link InterruptedIOException} and the target is left untouched.
     */
    static void write(Path dir, String fileName, SnapshotFormat format, KeyspaceView view, BooleanSupplier cancelled)
            throws IOException {
        Path temp = temporary(dir);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(new Cancellable(Channels.newOutputStream(channel),
                        cancelled), BUFFER);
                format.write(view, out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** Stops a save that is no longer wanted (SHUTDOWN while BGSAVE runs) at its next write. */
    private static final class Cancellable extends FilterOutputStream {

        private final BooleanSupplier cancelled;

        Cancellable(OutputStream out, BooleanSupplier cancelled) {
            super(out);
            this.cancelled = cancelled;
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            check();
            out.write(bytes, offset, length);
        }

        private void check() throws InterruptedIOException {
            if (cancelled.getAsBoolean()) {
                throw new InterruptedIOException("save cancelled");
            }
        }
    }
}
