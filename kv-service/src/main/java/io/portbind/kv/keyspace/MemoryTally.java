package io.portbind.kv.keyspace;

/**
 * One database's share of {@link Keyspace#usedMemory()}: what its entries were counted for, plus its two tables'
 * own arrays, re-counted whenever their capacity changes. Every change also moves the keyspace's sum.
 */
final class MemoryTally {

    /** What a stored value other than a string or a {@link CollectionValue} is counted as. */
    private static final long OTHER_VALUE = 64;

    private final Keyspace keyspace;
    private long memory;
    private long tableMemory;

    MemoryTally(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    long memory() {
        return memory;
    }

    void count(long change) {
        memory += change;
        keyspace.memoryChanged(change);
    }

    /** Re-counts the tables' own arrays when a table grew or shrank. */
    void countTables(ByteKeyTable<?> entries, ByteKeyTable<?> expires) {
        long tables = entries.memoryUsage() + expires.memoryUsage();
        if (tables != tableMemory) {
            count(tables - tableMemory);
            tableMemory = tables;
        }
    }

    /** Everything was dropped (FLUSHDB): the tables are counted again by the caller. */
    void clear() {
        count(-memory);
        tableMemory = 0;
    }

    /** SWAPDB: the contents changed places, so do their counts; the keyspace's sum stays. */
    void swapWith(MemoryTally other) {
        long otherMemory = other.memory;
        long otherTableMemory = other.tableMemory;
        other.memory = memory;
        other.tableMemory = tableMemory;
        memory = otherMemory;
        tableMemory = otherTableMemory;
    }

    /** An entry of the expiry table: its own copy of the key (the command's argument) and the boxed time. */
    static long expiry(byte[] key) {
        return MemoryEstimate.bytes(key) + MemoryEstimate.BOXED_LONG;
    }

    /** The bytes a value adds when stored; a collection records what was counted. */
    static long charge(Object value) {
        if (value instanceof byte[] text) {
            return MemoryEstimate.bytes(text);
        }
        return value instanceof CollectionValue collection ? collection.settle() : OTHER_VALUE;
    }

    /** The bytes a value had been counted for, now that it leaves the database. */
    static long discharge(Object value) {
        if (value instanceof byte[] text) {
            return MemoryEstimate.bytes(text);
        }
        return value instanceof CollectionValue collection ? collection.release() : OTHER_VALUE;
    }
}
