package io.portbind.kv.aof;

import io.portbind.kv.table.Propagation;
import io.portbind.kv.table.ReplyBarrier;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends propagated commands to the incremental AOF file, off the event loops. Commands are encoded under the
 * keyspace lock into an in-memory buffer (Redis's {@code aof_buf}); one writer thread takes everything buffered
 * at once, writes it with one {@code write}, and fsyncs as the {@link FsyncPolicy} says: after each write for
 * {@code always} (a group commit of every client's commands since the last one), once a second for
 * {@code everysec}, never for {@code no}. It is the server's {@link ReplyBarrier}: a connection holds its
 * replies until the file is written (with {@code always}: fsynced) as far as the buffer reached when they were
 * written, as Redis writes the AOF in {@code beforeSleep} before any reply goes out.
 *
 * <p>A rewrite switches to a new incremental file with {@link #switchTo}: what was buffered before goes to the
 * old file, which is fsynced and closed, what comes after to the new one.
 */
final class AofWriter implements Propagation.Target, ReplyBarrier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AofWriter.class);
    private static final long FSYNC_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final byte[] SELECT = {'S', 'E', 'L', 'E', 'C', 'T'};

    /** Bytes for one file, in order. */
    private static final class Segment {
        private final FileChannel file;
        private final ByteBuilder bytes = new ByteBuilder();
        private ByteBuffer unwritten;

        private Segment(FileChannel file) {
            this.file = file;
        }

        /** What is left to write, kept across a failed write so that nothing is written twice. */
        private ByteBuffer remaining() {
            if (unwritten == null) {
                unwritten = bytes.asBuffer();
            }
            return unwritten;
        }
    }

    private record Waiter(long position, Runnable task, AtomicBoolean fired) {
    }

    private final Object lock = new Object();
    /** Buffered segments, oldest first; the last receives new commands. Guarded by {@link #lock}. */
    private List<Segment> segments = new ArrayList<>();
    private long fed;
    private boolean closing;
    private volatile long fedPosition;
    private volatile long durable;
    private volatile long written;
    /**
     * Under {@code everysec} and {@code no}, how far a failed write has acknowledged what it holds in memory: as
     * Redis does, the replies go out, the data is written once the disk takes it again, and meanwhile further
     * writes are refused with -MISCONF.
     */
    private volatile long heldAfterError;
    private volatile long incrSize;
    /** Why the last write failed, or null when it succeeded. */
    private volatile String writeError;
    private volatile FsyncPolicy policy;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** The database the file's last command selected; only under the keyspace lock. */
    private int selectedDb = -1;
    private FileChannel current;
    private final Thread thread;

    /** Appends to {@code file} (positioned at its end, {@code size} bytes long already). */
    AofWriter(FileChannel file, long size, FsyncPolicy policy) {
        this.policy = policy;
        this.current = file;
        this.incrSize = size;
        segments.add(new Segment(file));
        this.thread = new Thread(this::run, "kv-aof-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void policy(FsyncPolicy next) {
        this.policy = next;
    }

    FsyncPolicy policy() {
        return policy;
    }

    /** Whether the last write succeeded (INFO's {@code aof_last_write_status}). */
    boolean writeOk() {
        return writeError == null;
    }

    /** The operating system's reason the last write failed ({@code No space left on device}), or null. */
    String writeError() {
        return writeError;
    }

    /** Bytes in the incremental file being appended, counting what is buffered. */
    long incrSize() {
        return incrSize;
    }

    /** Redis's {@code feedAppendOnlyFile}: a SELECT first when the database changes. Under the keyspace lock. */
    @Override
    public void feed(int db, byte[][] argv) {
        synchronized (lock) {
            ByteBuilder out = segments.get(segments.size() - 1).bytes;
            int before = out.length();
            if (db != -1 && db != selectedDb) {
                out.command(SELECT, Integer.toString(db).getBytes(StandardCharsets.US_ASCII));
                selectedDb = db;
            }
            out.command(argv);
            fed += out.length() - before;
            incrSize += out.length() - before;
            fedPosition = fed;
            // The writer waits only while nothing is buffered: the first command after that wakes it, the commands
            // that follow before it has taken them do not (each wake-up is a system call of the feeding thread).
            if (before == 0 && segments.size() == 1) {
                lock.notifyAll();
            }
        }
    }

    /**
     * Continues in {@code next} (an empty new incremental file): the next command selects its database again.
     * Under the keyspace lock, so that no command falls between the switch and a snapshot taken with it.
     */
    void switchTo(FileChannel next) {
        synchronized (lock) {
            segments.add(new Segment(next));
            selectedDb = -1;
            incrSize = 0;
            lock.notifyAll();
        }
    }

    @Override
    public long position() {
        return fedPosition;
    }

    /**
     * With {@code always}, whether the file is fsynced up to {@code position}; otherwise whether it is written
     * (handed to the operating system), as Redis writes the AOF before it replies under every policy, so that an
     * acknowledged write survives the process being killed.
     */
    @Override
    public boolean reached(long position) {
        return (policy == FsyncPolicy.ALWAYS ? durable : Math.max(written, heldAfterError)) >= position;
    }

    @Override
    public void whenReached(long position, Runnable task) {
        Waiter waiter = new Waiter(position, task, new AtomicBoolean());
        waiters.add(waiter);
        if (reached(position)) {
            release();
        }
    }

    /** Writes and fsyncs everything buffered, then stops the thread; waiting replies are released. */
    @Override
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        durable = Long.MAX_VALUE;
        written = Long.MAX_VALUE;
        release();
    }

    private void run() {
        long lastFsync = System.nanoTime();
        boolean unsynced = false;
        List<Segment> unwritten = new ArrayList<>();
        long drainedTo = 0;
        boolean last = false;
        while (true) {
            if (unwritten.isEmpty()) {
                synchronized (lock) {
                    while (!closing && segments.size() == 1 && segments.get(0).bytes.length() == 0
                            && !(unsynced && policy == FsyncPolicy.EVERYSEC
                            && System.nanoTime() - lastFsync >= FSYNC_PERIOD_NANOS)) {
                        waitQuietly(unsynced ? 100 : 1000);
                    }
                    unwritten.addAll(segments);
                    segments = new ArrayList<>();
                    segments.add(new Segment(unwritten.get(unwritten.size() - 1).file));
                    drainedTo = fed;
                    last = closing;
                }
            }
            try {
                writeSegments(unwritten);
                if (writeError != null) {
                    LOG.warn("AOF write error looks solved, kv-service can write again");
                    writeError = null;
                }
                written = drainedTo;
                FsyncPolicy now = policy;
                if (now == FsyncPolicy.ALWAYS || last
                        || now == FsyncPolicy.EVERYSEC && System.nanoTime() - lastFsync >= FSYNC_PERIOD_NANOS) {
                    current.force(false);
                    lastFsync = System.nanoTime();
                    unsynced = false;
                    durable = drainedTo;
                } else {
                    unsynced = true;
                }
                release();
            } catch (IOException e) {
                if (last) {
                    LOG.error("Error writing to the AOF file as the server stops: {}; the last writes are lost",
                            e.getMessage());
                    closeQuietly();
                    return;
                }
                writeFailed(e, drainedTo);
                continue;
            }
            if (last) {
                closeQuietly();
                return;
            }
        }
    }

    /**
     * Writes the segments in order, taking each off the list once it is written whole; between two files the
     * old one is fsynced and closed, as Redis's {@code openNewIncrAofForAppend} has it closed in the background.
     */
    private void writeSegments(List<Segment> unwritten) throws IOException {
        while (!unwritten.isEmpty()) {
            Segment segment = unwritten.get(0);
            if (segment.file != current) {
                current.force(false);
                current.close();
                current = segment.file;
            }
            ByteBuffer buffer = segment.remaining();
            while (buffer.hasRemaining()) {
                current.write(buffer);
            }
            unwritten.remove(0);
        }
    }

    /**
     * Redis cannot take back a write it has acknowledged under {@code always}, so it exits; under the other
     * policies it keeps the data, reports the error and tries again a second later.
     */
    private void writeFailed(IOException error, long drainedTo) {
        if (policy == FsyncPolicy.ALWAYS) {
            LOG.error("Can't recover from AOF write error when the AOF fsync policy is 'always'. Exiting... ({})",
                    error.getMessage());
            Runtime.getRuntime().halt(1);
        }
        if (writeError == null) {
            LOG.warn("Error writing to the AOF file: {}; writes are refused until it can be written", error.getMessage());
        }
        writeError = String.valueOf(error.getMessage());
        heldAfterError = drainedTo;
        release();
        synchronized (lock) {
            waitQuietly(1000);
        }
    }

    private void release() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter waiter = it.next();
            if (reached(waiter.position())) {
                it.remove();
                if (waiter.fired().compareAndSet(false, true)) {
                    waiter.task().run();
                }
            }
        }
    }

    private void waitQuietly(long millis) {
        try {
            lock.wait(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeQuietly() {
        try {
            current.close();
        } catch (IOException e) {
            LOG.warn("Error closing the AOF file: {}", e.getMessage());
        }
    }
}
