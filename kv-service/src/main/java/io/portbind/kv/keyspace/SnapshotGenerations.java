package io.portbind.kv.keyspace;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The clock of copy-on-write snapshots: a number that grows by one each time a snapshot is taken. Every
 * collection value records the number current when it was made ({@link StoredValue#generation()}), so a
 * value whose number is below a snapshot's was made before that snapshot and may be shared with it, while a
 * value made later never is. One clock for the process, so values moved between keyspaces in tests still
 * compare correctly; it is read once per value made, a single volatile load.
 */
public final class SnapshotGenerations {

    private static final AtomicLong CURRENT = new AtomicLong(1);

    private SnapshotGenerations() {
    }

    /** The generation a value made now belongs to. */
    public static long current() {
        return CURRENT.get();
    }

    /** Starts a new generation and returns it: every value made before has a smaller number. */
    static long advance() {
        return CURRENT.incrementAndGet();
    }
}
