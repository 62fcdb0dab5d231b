package io.portbind.kv.keyspace;

/**
 * Redis 7.0's encoding thresholds, the parameters that decide when a small hash, sorted set or set leaves its compact
 * encoding ({@code listpack}, {@code intset}) for a hash table or skip list. The value classes read them on every
 * write, as Redis reads its {@code server.*} fields; CONFIG SET changes them. They are process-wide, like the
 * server they describe: a process runs one kv-service, and tests that change them set them back.
 */
public enum EncodingLimit {
    HASH_ENTRIES("hash-max-listpack-entries", "hash-max-ziplist-entries", Kind.COUNT, 512),
    HASH_VALUE("hash-max-listpack-value", "hash-max-ziplist-value", Kind.BYTES, 64),
    ZSET_ENTRIES("zset-max-listpack-entries", "zset-max-ziplist-entries", Kind.COUNT, 128),
    ZSET_VALUE("zset-max-listpack-value", "zset-max-ziplist-value", Kind.BYTES, 64),
    SET_INTSET_ENTRIES("set-max-intset-entries", null, Kind.COUNT, 512);

    /** How CONFIG SET reads the parameter: a plain integer, or a memory value such as {@code 1kb}. */
    public enum Kind { COUNT, BYTES }

    private final String parameter;
    private final String alias;
    private final Kind kind;
    private final long defaultValue;
    private volatile long value;

    EncodingLimit(String parameter, String alias, Kind kind, long defaultValue) {
        this.parameter = parameter;
        this.alias = alias;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.value = defaultValue;
    }

    /** The parameter's name in Redis 7.0. */
    public String parameter() {
        return parameter;
    }

    /** The name Redis 6 knew it by ({@code ziplist}), which 7.0 still accepts, or null. */
    public String alias() {
        return alias;
    }

    public Kind kind() {
        return kind;
    }

    public long defaultValue() {
        return defaultValue;
    }

    public long get() {
        return value;
    }

    /** Sets the threshold; from 0 to {@code Long.MAX_VALUE}, which CONFIG SET checks. */
    public void set(long value) {
        this.value = value;
    }

    /** Whether {@code count} entries exceed this (entries) limit. */
    public boolean exceededBy(long count) {
        return count > value;
    }
}
