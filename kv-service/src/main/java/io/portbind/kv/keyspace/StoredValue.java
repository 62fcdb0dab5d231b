package io.portbind.kv.keyspace;

/**
 * A value that is not a plain string (lists, hashes, sets, sorted sets). Strings are stored as bare
 * {@code byte[]} to keep one object per value; every other type implements this interface.
 */
public interface StoredValue {

    ValueType type();

    /** True when the value holds no elements; Redis deletes a key whose collection became empty. */
    boolean isEmpty();

    /** An independent deep copy, for COPY: changing one must never change the other. */
    StoredValue copy();

    /**
     * The name {@code OBJECT ENCODING} reports, as Redis 7 would for this value's current size
     * (for example {@code listpack} for a small hash, {@code hashtable} for a large one).
     */
    String encoding();
}
