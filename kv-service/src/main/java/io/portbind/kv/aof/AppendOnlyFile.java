package io.portbind.kv.aof;

import io.portbind.common.server.StartupException;
import io.portbind.kv.aof.AofManifest.AofFile;
import io.portbind.kv.aof.ManifestText.InvalidManifest;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.table.ServerState;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only file of one server, in Redis 7.0's multi-part layout, and its life: loading at start, appending
 * what commands propagate (through an {@link AofWriter}), rewriting in the background, and turning on and off
 * at run time. State changes happen under the keyspace lock, or under this object's monitor for the manifest
 * (a rewrite that finishes), in that order when both are taken.
 */
public final class AppendOnlyFile implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppendOnlyFile.class);

    /** Redis's {@code aof_state}. */
    enum State {
        OFF,
        ON,
        /** Turned on at run time: commands go to a temporary file until the first rewrite is done. */
        WAIT_REWRITE
    }

    /** How BGREWRITEAOF went, each with Redis's reply. */
    public enum RewriteStart {
        STARTED("Background append only file rewriting started"),
        SCHEDULED("Background append only file rewriting scheduled"),
        ALREADY_RUNNING("ERR Background append only file rewriting already in progress"),
        FAILED("ERR Can't execute an AOF background rewriting. Please check the server logs for more information.");

        private final String reply;

        RewriteStart(String reply) {
            this.reply = reply;
        }

        public String reply() {
            return reply;
        }
    }

    private final ServerState server;
    private final Keyspace keyspace;
    private final AofDirectory directory;
    private final AofSettings.Values settings;
    private final RdbBase rdbBase;
    private volatile BackgroundSaves saves = BackgroundSaves.NONE;
    private volatile State state = State.OFF;
    private AofManifest manifest = AofManifest.empty();
    private AofWriter writer;
    final RewriteStatus status = new RewriteStatus();
    /** Bytes of the base and the incremental files no longer appended to. */
    private volatile long closedSize;
    private volatile long rewriteBaseSize;
    /** Incremented when AOF is turned off: a rewrite started before then is thrown away. */
    private int generation;

    AppendOnlyFile(ServerState server, Path directory, AofSettings.Values settings, RdbBase rdbBase) {
        this.server = server;
        this.keyspace = server.keyspace();
        this.directory = new AofDirectory(directory, settings.filename());
        this.settings = settings;
        this.rdbBase = rdbBase;
    }

    /** Lets BGREWRITEAOF wait for a BGSAVE; the snapshot feature calls this once. */
    public void backgroundSaves(BackgroundSaves running) {
        this.saves = running;
    }

    /** Whether a rewrite is writing now, for BGSAVE's own "scheduled" logic. */
    public boolean rewriteInProgress() {
        return status.inProgress();
    }

    boolean enabled() {
        return state != State.OFF;
    }

    AofSettings.Values settings() {
        return settings;
    }

    /**
     * Start-up with {@code appendonly yes} (loadAppendOnlyFiles, then aofOpenIfNeededOnServerStart): replays the
     * directory, makes a base file when there is none, opens the last incremental file (or a new one), writes the
     * manifest and deletes history files. Throws {@link StartupException} with the line to print.
     */
    void openAtStart() {
        try {
            manifest = directory.readManifest();
        } catch (InvalidManifest e) {
            throw new StartupException("invalid AOF manifest " + directory.manifestPath() + ": " + e.getMessage());
        } catch (IOException e) {
            throw new StartupException("cannot read the AOF manifest " + directory.manifestPath() + ": "
                    + e.getMessage());
        }
        try {
            long baseSize = new AofLoader(directory.path(), server, rdbBase, settings.loadTruncated()).load(manifest);
            rewriteBaseSize = baseSize;
        } catch (AofLoader.LoadFailed e) {
            throw new StartupException(e.getMessage());
        }
        keyspace.lock();
        try {
            directory.create();
            if (manifest.isEmpty()) {
                AofManifest withBase = manifest.rewritten(directory.filename(), rdbBase != null, 0);
                writeBase(snapshot(), directory.resolve(withBase.base().name()));
                LOG.info("Creating AOF base file {} on server start", withBase.base().name());
                manifest = withBase;
            }
            boolean created = manifest.lastIncr() == null;
            if (created) {
                manifest = manifest.withNewIncr(directory.filename());
            }
            AofFile incr = manifest.lastIncr();
            FileChannel file = directory.openForAppend(incr.name(), false);
            directory.persist(manifest);
            LOG.info("{} AOF incr file {} on server start", created ? "Creating" : "Opening", incr.name());
            closedSize = 0;
            for (AofFile loaded : manifest.loaded()) {
                closedSize += loaded == incr ? 0 : directory.size(loaded);
            }
            startWriting(file, file.size());
            state = State.ON;
            manifest = directory.deleteHistory(manifest);
        } catch (IOException e) {
            throw new StartupException("cannot open the append only file in " + directory.path() + ": " + e.getMessage());
        } finally {
            keyspace.unlock();
        }
    }

    /** CONFIG SET appendonly yes (startAppendOnly): a temporary incremental file and a rewrite. Under the lock. */
    void turnOn(boolean inTransaction) {
        if (state != State.OFF) {
            return;
        }
        try {
            directory.create();
            FileChannel temp = directory.openForAppend(directory.tempIncrName(), true);
            state = State.WAIT_REWRITE;
            startWriting(temp, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rewrite(inTransaction) == RewriteStart.FAILED) {
            turnOff();
        }
    }

    /** CONFIG SET appendonly no (stopAppendOnly): the file is flushed and fsynced, a rewrite abandoned. */
    void turnOff() {
        if (state == State.OFF) {
            return;
        }
        server.propagation().target(null);
        server.replyBarrier(null);
        writer.close();
        writer = null;
        state = State.OFF;
        status.scheduled(false);
        synchronized (this) {
            generation++;
        }
    }

    /** CONFIG SET appendfsync. */
    void policy(FsyncPolicy policy) {
        settings.fsync(policy);
        if (writer != null) {
            writer.policy(policy);
        }
    }

    /**
     * BGREWRITEAOF (rewriteAppendOnlyFileBackground), under the keyspace lock: a new incremental file takes the
     * commands from now on, and a thread writes the new base from a snapshot taken at the same instant.
     */
    RewriteStart rewrite(boolean inTransaction) {
        if (status.inProgress()) {
            return RewriteStart.ALREADY_RUNNING;
        }
        if (saves.inProgress() || inTransaction) {
            status.scheduled(true);
            return RewriteStart.SCHEDULED;
        }
        int started;
        try {
            directory.create();
            if (state == State.ON) {
                AofManifest next = manifest.withNewIncr(directory.filename());
                FileChannel incr = directory.openForAppend(next.lastIncr().name(), true);
                directory.persist(next);
                LOG.info("Creating AOF incr file {} on background rewrite", next.lastIncr().name());
                closedSize += writer.incrSize();
                writer.switchTo(incr);
                synchronized (this) {
                    manifest = next;
                }
            }
            synchronized (this) {
                started = generation;
            }
        } catch (IOException e) {
            LOG.warn("Can't rewrite append only file in background: {}", e.getMessage());
            status.finished(false);
            return RewriteStart.FAILED;
        }
        KeyspaceView view = snapshot();
        status.started();
        Thread thread = new Thread(() -> rewriteInBackground(view, started), "kv-aof-rewrite");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Background append only file rewriting started");
        return RewriteStart.STARTED;
    }

    private void rewriteInBackground(KeyspaceView view, int started) {
        Path temp = directory.rewriteTemp();
        boolean ok = false;
        try {
            writeBase(view, temp);
            LOG.info("Successfully created the temporary AOF base file {}", temp.getFileName());
            ok = finish(temp, started);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Background AOF rewrite terminated with error: {}", e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", temp, e.getMessage());
            }
            status.finished(ok);
        }
    }

    /** backgroundRewriteDoneHandler: the new base in place, the manifest switched, the history deleted. */
    private synchronized boolean finish(Path temp, int started) throws IOException {
        if (started != generation || state == State.OFF) {
            return false;
        }
        AofManifest next = manifest;
        if (state == State.WAIT_REWRITE) {
            next = next.withNewIncr(directory.filename());
            directory.move(directory.resolve(directory.tempIncrName()), directory.resolve(next.lastIncr().name()));
        }
        next = next.rewritten(directory.filename(), rdbBase != null, 1);
        directory.move(temp, directory.resolve(next.base().name()));
        directory.persist(next);
        manifest = next;
        closedSize = directory.size(next.base());
        rewriteBaseSize = closedSize + (writer == null ? 0 : writer.incrSize());
        manifest = directory.deleteHistory(manifest);
        state = State.ON;
        LOG.info("Background AOF rewrite finished successfully");
        return true;
    }

    /** Redis's serverCron part: a scheduled rewrite once nothing else runs, and the automatic rewrite. */
    void cron() {
        keyspace.lock();
        try {
            if (status.inProgress() || saves.inProgress()) {
                return;
            }
            if (status.scheduled()) {
                rewrite(false);
                return;
            }
            long percentage = settings.autoRewritePercentage();
            long size = currentSize();
            if (state == State.ON && percentage > 0 && size > settings.autoRewriteMinSize()) {
                long base = rewriteBaseSize == 0 ? 1 : rewriteBaseSize;
                if (size * 100 / base - 100 >= percentage) {
                    LOG.info("Starting automatic rewriting of AOF on {}% growth", size * 100 / base - 100);
                    rewrite(false);
                }
            }
        } finally {
            keyspace.unlock();
        }
    }

    long currentSize() {
        AofWriter current = writer;
        return closedSize + (current == null ? 0 : current.incrSize());
    }

    long baseSize() {
        return rewriteBaseSize;
    }

    boolean lastWriteOk() {
        AofWriter current = writer;
        return current == null || current.writeOk();
    }

    /**
     * Redis's {@code -MISCONF} error while the AOF cannot be written (the writer keeps the data and retries every
     * second), or null.
     */
    public String diskError() {
        AofWriter current = writer;
        String error = current == null ? null : current.writeError();
        return error == null ? null : "MISCONF Errors writing to the AOF file: " + error;
    }

    private void startWriting(FileChannel file, long size) {
        writer = new AofWriter(file, size, settings.fsync());
        server.propagation().target(writer);
        server.replyBarrier(writer);
    }

    private KeyspaceView snapshot() {
        return keyspace.snapshot();
    }

    /**
     * Writes a base file from {@code view} to {@code path}, fsynced (rewriteAppendOnlyFile): RDB when the codec is
     * there, as Redis's default {@code aof-use-rdb-preamble yes}, else commands.
     */
    private void writeBase(KeyspaceView view, Path path) throws IOException {
        try (FileOutputStream file = new FileOutputStream(path.toFile())) {
            BufferedOutputStream out = new BufferedOutputStream(file, 1 << 16);
            if (rdbBase != null) {
                rdbBase.write(view, out);
            } else {
                new RewriteWriter(out).write(view);
            }
            out.flush();
            file.getFD().sync();
        }
    }

    @Override
    public void close() {
        keyspace.lock();
        try {
            if (writer != null) {
                server.propagation().target(null);
                writer.close();
                writer = null;
            }
        } finally {
            keyspace.unlock();
        }
    }
}
