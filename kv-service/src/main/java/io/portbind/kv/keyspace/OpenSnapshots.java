package io.portbind.kv.keyspace;

import java.util.ArrayList;
import java.util.List;

/**
 * The snapshots of one keyspace that some thread is still reading, by generation. A collection made before the
 * newest of them ({@link #sharedBelow()}) may be shared with one, so a write must copy it first; once every
 * snapshot is closed nothing is shared and writes change values in place again. Opened under the keyspace lock,
 * closed from the reading thread without it: a save being cancelled while a command waits on it must not need
 * the lock to finish.
 */
final class OpenSnapshots {

    private final List<Long> open = new ArrayList<>();
    private volatile long sharedBelow;

    /** Values whose generation is below this may be shared with an open snapshot; 0 when none is open. */
    long sharedBelow() {
        return sharedBelow;
    }

    /** Starts a new generation for a snapshot being taken now, and returns it. */
    synchronized long open() {
        long generation = SnapshotGenerations.advance();
        open.add(generation);
        sharedBelow = generation;
        return generation;
    }

    /** The snapshot of {@code generation} will not be read again. */
    synchronized void close(long generation) {
        open.remove(generation);
        sharedBelow = open.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    /** How many snapshots are being read. */
    synchronized int count() {
        return open.size();
    }
}
