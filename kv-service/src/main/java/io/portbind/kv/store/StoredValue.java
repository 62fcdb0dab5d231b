package io.portbind.kv.store;

/**
 * A value that is not a plain string (lists, hashes, sets, sorted sets). Strings are stored as bare
 * {@code byte[]} to keep one object per value; every other type implements this interface.
 */
public interface StoredValue {

    ValueType type();

    /** True when the value holds no elements; Redis deletes a key whose collection became empty. */
    boolean isEmpty();
}
