package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.KeyspaceView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One save being written: the snapshot it writes (taken when it started), where to, how far it got, and how it
 * ended. The view it hands the format counts the keys visited, for INFO's {@code current_save_keys_processed}.
 */
final class SaveJob implements KeyspaceView {

    /** Who asked, which decides what INFO and the logs call it. */
    enum Kind {
        /** SAVE, and the save before a shutdown: the caller waits for the result. */
        FOREGROUND,
        /** BGSAVE and the save schedule. */
        BACKGROUND
    }

    private final Kind kind;
    private final KeyspaceView view;
    private final long changesBefore;
    private final long startedMillis;
    private final Path dir;
    private final String fileName;
    private final long keysTotal;
    private final AtomicLong keysProcessed = new AtomicLong();
    private final CompletableFuture<Boolean> done = new CompletableFuture<>();
    private volatile boolean cancelled;

    SaveJob(Kind kind, KeyspaceView view, long changesBefore, long startedMillis, Path dir, String fileName) {
        this.kind = kind;
        this.view = view;
        this.changesBefore = changesBefore;
        this.startedMillis = startedMillis;
        this.dir = dir;
        this.fileName = fileName;
        this.keysTotal = view.keys();
    }

    Kind kind() {
        return kind;
    }

    /** The change counter when the snapshot was taken: what a successful save subtracts from it. */
    long changesBefore() {
        return changesBefore;
    }

    long startedMillis() {
        return startedMillis;
    }

    Path dir() {
        return dir;
    }

    String fileName() {
        return fileName;
    }

    long keysTotal() {
        return keysTotal;
    }

    long keysProcessed() {
        return keysProcessed.get();
    }

    /** Completes with true once the file is in place, false when the save failed or was cancelled. */
    CompletableFuture<Boolean> done() {
        return done;
    }

    /** Asks the save to stop at its next write: SHUTDOWN does, as Redis kills its saving child. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    @Override
    public long size(int db) {
        return view.size(db);
    }

    @Override
    public long expiringSize(int db) {
        return view.expiringSize(db);
    }

    @Override
    public void forEach(int db, EntryVisitor visitor) throws IOException {
        view.forEach(db, (key, value, expireAt) -> {
            keysProcessed.incrementAndGet();
            visitor.visit(key, value, expireAt);
        });
    }

    @Override
    public List<byte[]> functionCodes() {
        return view.functionCodes();
    }

    @Override
    public long takenAtMillis() {
        return view.takenAtMillis();
    }

    @Override
    public long pauseNanos() {
        return view.pauseNanos();
    }

    @Override
    public void close() {
        view.close();
    }
}
