package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.snapshot.SaveJob.Kind;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RDB snapshots of one keyspace, as Redis's {@code rdbSave}/{@code rdbSaveBackground} and the save part of its
 * {@code serverCron}, without fork: a save takes a copy-on-write {@link Keyspace#snapshot()} under the lock (a
 * pause of a few array copies) and writes it on the one saving thread, never an event loop, while clients go on.
 * At most one save runs at a time. Writes are counted as Redis's {@code dirty} ({@link #changes()}); ten times
 * a second the cron starts a background save when a point of the {@link SaveSchedule} is due, or when BGSAVE
 * SCHEDULE asked for one. Methods documented "under the lock" are called holding the keyspace lock.
 */
public final class Snapshots implements AutoCloseable {

    /** What a stop of the process saves (see {@link #finalSave}). */
    public enum FinalSave {
        /** SIGTERM: save when a save point is configured, as Redis's prepareForShutdown. */
        IF_SCHEDULED,
        /** SHUTDOWN saved already: save again only if clients wrote since. */
        IF_CHANGED,
        /** SHUTDOWN NOSAVE, or SHUTDOWN without save points. */
        NEVER
    }

    private static final Logger LOG = LoggerFactory.getLogger(Snapshots.class);
    private static final long CRON_MILLIS = 100;
    /** Redis's CONFIG_BGSAVE_RETRY_DELAY: after a failed background save, wait this long before the next try. */
    private static final long RETRY_DELAY_MILLIS = 5_000;
    /** Redis's {@code writeCommandsGetDiskErrorMessage} for a failed background save. */
    private static final String MISCONF = "MISCONF Redis is configured to save RDB snapshots, but it's currently "
            + "unable to persist to disk. Commands that may modify the data set are disabled, because this instance "
            + "is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error "
            + "option). Please check the Redis logs for details about the RDB error.";

    private final Keyspace keyspace;
    private final SnapshotFormat format;
    private final SaveStats stats = new SaveStats(System.currentTimeMillis());
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<SaveJob> running = new AtomicReference<>();
    private final ExecutorService saver = Executors.newSingleThreadExecutor(daemon("kv-snapshot-save"));
    private final ScheduledExecutorService cron = Executors.newSingleThreadScheduledExecutor(daemon("kv-save-cron"));
    private volatile Path dir;
    private volatile String fileName;
    private volatile SaveSchedule schedule;
    private volatile FinalSave finalSave = FinalSave.IF_SCHEDULED;
    private volatile boolean stopWritesOnError = true;
    private volatile BooleanSupplier otherJobActive = () -> false;
    private boolean backgroundScheduled;

    public Snapshots(Keyspace keyspace, SnapshotFormat format, Path dir, String fileName, SaveSchedule schedule) {
        this.keyspace = keyspace;
        this.format = format;
        this.dir = dir;
        this.fileName = fileName;
        this.schedule = schedule;
        keyspace.addListener(new KeyspaceListener() {
            @Override
            public void keyModified(int db, byte[] key) {
                changes.incrementAndGet();
            }

            @Override
            public void databaseReplaced(int db) {
                changes.incrementAndGet();
            }

            @Override
            public boolean awaitsReadyKeys() {
                return false;
            }
        });
    }

    /** Starts the cron that runs the save schedule. */
    public void start() {
        cron.scheduleWithFixedDelay(this::cron, CRON_MILLIS, CRON_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The format files are written in, which a snapshot sent to a client uses too. */
    SnapshotFormat format() {
        return format;
    }

    public Path dir() {
        return dir;
    }

    /** CONFIG SET dir: the next save goes there. The caller has checked it is a directory. */
    public void dir(Path value) {
        this.dir = value;
    }

    public String fileName() {
        return fileName;
    }

    public void fileName(String value) {
        this.fileName = value;
    }

    public SaveSchedule schedule() {
        return schedule;
    }

    public void schedule(SaveSchedule value) {
        this.schedule = value;
    }

    /** {@code stop-writes-on-bgsave-error}. */
    public boolean stopWritesOnError() {
        return stopWritesOnError;
    }

    public void stopWritesOnError(boolean value) {
        this.stopWritesOnError = value;
    }

    /**
     * The -MISCONF error while writes are refused because the last background save failed, with save points set
     * and {@code stop-writes-on-bgsave-error} on; null otherwise. A save that succeeds (the schedule retries every
     * five seconds) ends it.
     */
    public String diskError() {
        return stopWritesOnError && !stats.lastBackgroundSaveOk() && !schedule.isEmpty() ? MISCONF : null;
    }

    /** The file saves write and start-up loads: {@code dir/dbfilename}. */
    public Path file() {
        return dir.resolve(fileName);
    }

    public SaveStats stats() {
        return stats;
    }

    /** Writes since the last successful save began ({@code rdb_changes_since_last_save}). */
    public long changes() {
        return changes.get();
    }

    /** After start-up loaded a file: it counts as saved, with nothing changed since (Redis sets dirty to 0). */
    void loaded(long keys, long expired) {
        stats.loaded(keys, expired);
        changes.set(0);
    }

    /** The save being written, if any. */
    Optional<SaveJob> running() {
        return Optional.ofNullable(running.get());
    }

    /** Whether a save is being written (SAVE or background). */
    public boolean inProgress() {
        return running.get() != null;
    }

    /** Whether the save being written is a background one ({@code rdb_bgsave_in_progress}). */
    public boolean backgroundInProgress() {
        SaveJob job = running.get();
        return job != null && job.kind() == Kind.BACKGROUND;
    }

    /** Seconds the running background save has taken so far, -1 when none runs. */
    public long currentBackgroundSeconds() {
        SaveJob job = running.get();
        return job == null || job.kind() != Kind.BACKGROUND ? -1
                : (System.currentTimeMillis() - job.startedMillis()) / 1000;
    }

    /** Keys the running save has written, and how many it will write in all; zeros when none runs. */
    public long[] currentKeys() {
        SaveJob job = running.get();
        return job == null ? new long[2] : new long[] {job.keysProcessed(), job.keysTotal()};
    }

    /**
     * The hook for another job that keeps BGSAVE from starting at once, as a Redis child process does (the AOF
     * rewrite): while it says true, BGSAVE SCHEDULE and the schedule wait.
     */
    public void otherJobActive(BooleanSupplier active) {
        this.otherJobActive = active;
    }

    /** Whether that other job runs now. */
    public boolean otherJobActive() {
        return otherJobActive.getAsBoolean();
    }

    /** Under the lock: a save starts now as SAVE; its future tells whether it worked. No save may be running. */
    public CompletableFuture<Boolean> save() {
        return start(Kind.FOREGROUND).done();
    }

    /** Under the lock: a background save starts now (BGSAVE). No save may be running. */
    public void saveInBackground() {
        start(Kind.BACKGROUND);
    }

    /** Under the lock: the cron starts a background save as soon as nothing else runs (BGSAVE SCHEDULE). */
    public void scheduleInBackground() {
        backgroundScheduled = true;
    }

    /**
     * Under the lock: the save before a shutdown. A background save is cancelled first, as Redis kills its child
     * (its temporary file is removed); then this one runs on the saving thread after any SAVE being written.
     */
    public CompletableFuture<Boolean> saveBeforeShutdown() {
        return saveInstead("shutting down");
    }

    /**
     * Under the lock, after FLUSHALL emptied every database: with save points set, the empty data set is saved at
     * once in place of a running background save, as Redis's {@code flushAllDataAndResetRDB}, so that a restart
     * does not bring the flushed keys back. The snapshot is taken now; the file is written on the saving thread.
     */
    public void saveAfterFlushAll() {
        if (!schedule.isEmpty()) {
            saveInstead("FLUSHALL");
        }
    }

    /** Under the lock: a SAVE-like save starts now; a background save being written is cancelled first. */
    private CompletableFuture<Boolean> saveInstead(String reason) {
        SaveJob job = running.get();
        if (job != null && job.kind() == Kind.BACKGROUND) {
            LOG.info("There is a background save in progress: cancelling it before {}", reason);
            job.cancel();
        }
        return start(Kind.FOREGROUND).done();
    }

    /** What {@link #close()} saves when the process stops; SHUTDOWN decides it, SIGTERM leaves the default. */
    public void finalSave(FinalSave decision) {
        this.finalSave = decision;
    }

    private SaveJob start(Kind kind) {
        long now = System.currentTimeMillis();
        SaveJob job = new SaveJob(kind, keyspace.snapshot(), changes.get(), now, dir, fileName);
        running.set(job);
        stats.started(kind == Kind.BACKGROUND, now);
        if (kind == Kind.BACKGROUND) {
            backgroundScheduled = false;
            LOG.info("Background saving started: snapshot of {} keys taken in {} ms under the lock", job.keysTotal(),
                    String.format(Locale.ROOT, "%.3f", job.pauseNanos() / 1e6));
        }
        saver.execute(() -> write(job));
        return job;
    }

    /** On the saving thread: writes the file, then records how it went. */
    private void write(SaveJob job) {
        boolean ok = false;
        try {
            SnapshotFile.write(job.dir(), job.fileName(), format, job, job::cancelled);
            ok = true;
        } catch (InterruptedIOException cancelled) {
            LOG.warn("Background saving cancelled");
        } catch (Exception e) {
            LOG.error("Write error saving DB on disk ({}): {}", job.dir().resolve(job.fileName()), e.toString());
        } finally {
            job.close();
        }
        long now = System.currentTimeMillis();
        if (ok) {
            changes.addAndGet(-job.changesBefore());
            stats.saved(now);
        }
        if (job.kind() == Kind.BACKGROUND) {
            stats.backgroundFinished(ok, (now - job.startedMillis()) / 1000);
            if (ok) {
                LOG.info("Background saving terminated with success: {} keys in {} ms", job.keysTotal(),
                        now - job.startedMillis());
            }
        } else if (ok) {
            stats.backgroundFinished(true, stats.lastBackgroundSaveSeconds());
            LOG.info("DB saved on disk: {} keys in {} ms", job.keysTotal(), now - job.startedMillis());
        }
        running.compareAndSet(job, null);
        job.done().complete(ok);
    }

    /** Redis's serverCron, the part about saving: a scheduled BGSAVE first, then the save points. */
    private void cron() {
        try {
            keyspace.lock();
            try {
                startIfDue(System.currentTimeMillis());
            } finally {
                keyspace.unlock();
            }
        } catch (RuntimeException e) {
            LOG.error("Save schedule check failed", e);
        }
    }

    /** Under the lock: starts a background save if one is scheduled or a save point is due. */
    void startIfDue(long now) {
        if (running.get() != null || otherJobActive()) {
            return;
        }
        boolean mayTry = stats.lastBackgroundSaveOk() || now - stats.lastBackgroundTryMillis() > RETRY_DELAY_MILLIS;
        if (!mayTry) {
            return;
        }
        if (backgroundScheduled) {
            start(Kind.BACKGROUND);
            return;
        }
        long since = now / 1000 - stats.lastSaveSeconds();
        schedule.due(changes.get(), since).ifPresent(point -> {
            LOG.info("{} changes in {} seconds. Saving...", point.changes(), point.seconds());
            start(Kind.BACKGROUND);
        });
    }

    /**
     * Stops the cron and, as the process ends, saves what {@link #finalSave} says (a running background save is
     * cancelled first), waiting for the file: nothing runs after this, and a stop must not lose what it saves.
     */
    @Override
    public void close() {
        cron.shutdownNow();
        boolean save = switch (finalSave) {
            case IF_SCHEDULED -> !schedule.isEmpty();
            case IF_CHANGED -> changes.get() > 0;
            case NEVER -> false;
        };
        if (save) {
            CompletableFuture<Boolean> saved;
            keyspace.lock();
            try {
                saved = saveBeforeShutdown();
            } finally {
                keyspace.unlock();
            }
            if (!saved.join()) {
                LOG.error("Error trying to save the DB before exiting: the data since the last save is lost");
            }
        } else {
            running().ifPresent(SaveJob::cancel);
        }
        saver.shutdown();
        try {
            saver.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
