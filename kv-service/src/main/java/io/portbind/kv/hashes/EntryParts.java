package io.portbind.kv.hashes;

/** Which halves of a hash's entries a reply carries, as Redis's {@code OBJ_HASH_KEY} and {@code OBJ_HASH_VALUE}. */
enum EntryParts {
    /** The fields alone (HKEYS, HRANDFIELD without WITHVALUES). */
    FIELDS,
    /** The values alone (HVALS). */
    VALUES,
    /** Each field followed by its value (HGETALL, HRANDFIELD ... WITHVALUES). */
    FIELDS_AND_VALUES;

    /** Whether the reply carries the fields. */
    boolean hasFields() {
        return this != VALUES;
    }

    /** Whether the reply carries the values. */
    boolean hasValues() {
        return this != FIELDS;
    }
}
