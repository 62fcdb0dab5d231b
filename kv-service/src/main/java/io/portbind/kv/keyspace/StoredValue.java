package io.portbind.kv.keyspace;

/**
 * A value that is not a plain string (lists, hashes, sets, sorted sets). Strings are stored as bare
 * {@code byte[]} to keep one object per value; every other type implements this interface. Strings are
 * never changed in place (APPEND, SETRANGE and INCR store a new array), so a snapshot may share them; a
 * collection is changed in place, which is why it carries a {@link #generation()}.
 */
public interface StoredValue {

    ValueType type();

    /** True when the value holds no elements; Redis deletes a key whose collection became empty. */
    boolean isEmpty();

    /**
     * An independent copy, for COPY and for copy-on-write while a snapshot is read: changing one must never
     * change the other. The copy belongs to the current {@link SnapshotGenerations generation}.
     */
    StoredValue copy();

    /**
     * The {@link SnapshotGenerations#current() generation} this value was made in; implementations record it
     * in a final field at construction. A write to a value older than an open snapshot replaces it with a
     * {@link #copy()} first (see {@link Keyspace#snapshot()}).
     */
    long generation();

    /**
     * The name {@code OBJECT ENCODING} reports, as Redis 7 would for this value's current size
     * (for example {@code listpack} for a small hash, {@code hashtable} for a large one).
     */
    String encoding();
}
