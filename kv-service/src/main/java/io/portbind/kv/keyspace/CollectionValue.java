package io.portbind.kv.keyspace;

/**
 * A stored collection that knows its own size in bytes: every type but strings (a bare {@code byte[]}) extends
 * it. The value keeps its estimate up to date as elements come and go ({@link #memoryUsage()} is O(1), never a
 * walk), and remembers how much of it its database has counted, so that {@link Database#modified} adds only the
 * change.
 */
public abstract class CollectionValue implements StoredValue {

    /** The snapshot generation this value was made in (a copy is a new value, so it gets the current one). */
    private final long generation = SnapshotGenerations.current();
    private long accounted;

    @Override
    public final long generation() {
        return generation;
    }

    /**
     * Estimated heap bytes this value holds: its own objects, their arrays and tables, and every element; not the
     * key. O(1).
     */
    public abstract long memoryUsage();

    /** Records the present estimate as counted and returns how much it changed since the last record. */
    final long settle() {
        long present = memoryUsage();
        long change = present - accounted;
        accounted = present;
        return change;
    }

    /** Forgets what was counted (the value left its database) and returns it. */
    final long release() {
        long counted = accounted;
        accounted = 0;
        return counted;
    }
}
