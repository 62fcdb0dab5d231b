package io.portbind.kv.hashes;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.CollectionValue;
import io.portbind.kv.keyspace.EncodingLimit;
import io.portbind.kv.keyspace.MemoryEstimate;
import io.portbind.kv.keyspace.TableScan;
import io.portbind.kv.keyspace.ValueType;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * A hash. Small hashes are one flat array of alternating fields and values in insertion order, found by
 * a linear scan, like Redis's listpack (and in the same order HGETALL shows); past Redis's limits
 * ({@link EncodingLimit#HASH_ENTRIES} fields, or a field or value over {@link EncodingLimit#HASH_VALUE} bytes) it becomes a {@link ByteKeyTable}, and stays one, as in Redis.
 */
public final class HashValue extends CollectionValue {


    private static final int INITIAL_PAIRS = 4;

    private byte[][] pairs = new byte[INITIAL_PAIRS * 2][];
    private int size;
    private ByteKeyTable<byte[]> table;
    /** The heap bytes of every field and value array, kept as they come and go. */
    private long elementBytes;

    @Override
    public ValueType type() {
        return ValueType.HASH;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    @Override
    public HashValue copy() {
        HashValue copy = new HashValue();
        if (table != null) {
            copy.convertToTable(); // a copy keeps the encoding, as Redis's COPY does
        }
        forEach((field, value) -> copy.put(field.clone(), value.clone()));
        return copy;
    }


    @Override
    public String encoding() {
        return table == null ? "listpack" : "hashtable";
    }

    public int size() {
        return table == null ? size : table.size();
    }

    @Override
    public long memoryUsage() {
        long structure = table == null ? MemoryEstimate.references(pairs.length) : table.memoryUsage();
        return MemoryEstimate.object(2, Integer.BYTES + Long.BYTES * 2) + structure + elementBytes;
    }

    public byte[] get(byte[] field) {
        if (table != null) {
            return table.get(field);
        }
        int index = indexOf(field);
        return index < 0 ? null : pairs[index + 1];
    }

    /** Sets {@code field} to {@code value}; true when the field is new. */
    public boolean put(byte[] field, byte[] value) {
        if (table == null && (EncodingLimit.HASH_VALUE.exceededBy(field.length)
                || EncodingLimit.HASH_VALUE.exceededBy(value.length))) {
            convertToTable();
        }
        if (table != null) {
            return putInTable(field, value);
        }
        int index = indexOf(field);
        if (index >= 0) {
            elementBytes += MemoryEstimate.bytes(value) - MemoryEstimate.bytes(pairs[index + 1]);
            pairs[index + 1] = value;
            if (EncodingLimit.HASH_ENTRIES.exceededBy(size)) {
                convertToTable(); // Redis checks the length after an update too, for a limit lowered since
            }
            return false;
        }
        if (EncodingLimit.HASH_ENTRIES.exceededBy(size + 1L)) {
            convertToTable();
            return putInTable(field, value);
        }
        elementBytes += MemoryEstimate.bytes(field) + MemoryEstimate.bytes(value);
        if (size * 2 == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size * 2] = field;
        pairs[size * 2 + 1] = value;
        size++;
        return true;
    }

    private boolean putInTable(byte[] field, byte[] value) {
        byte[] previous = table.put(field, value);
        elementBytes += MemoryEstimate.bytes(value)
                - (previous == null ? -MemoryEstimate.bytes(field) : MemoryEstimate.bytes(previous));
        return previous == null;
    }

    /** Removes {@code field}; true when it was there. */
    public boolean remove(byte[] field) {
        if (table != null) {
            byte[] previous = table.remove(field);
            if (previous != null) {
                elementBytes -= MemoryEstimate.bytes(field) + MemoryEstimate.bytes(previous);
            }
            return previous != null;
        }
        int index = indexOf(field);
        if (index < 0) {
            return false;
        }
        elementBytes -= MemoryEstimate.bytes(pairs[index]) + MemoryEstimate.bytes(pairs[index + 1]);
        System.arraycopy(pairs, index + 2, pairs, index, size * 2 - index - 2);
        size--;
        pairs[size * 2] = null;
        pairs[size * 2 + 1] = null;
        return true;
    }

    /**
     * Visits fields and values from {@code cursor} for HSCAN: a small hash whole (cursor 0 back), as Redis
     * returns a listpack, a table bucket by bucket until about {@code count} were visited. Returns the next
     * cursor, 0 when done.
     */
    long scan(long cursor, long count, BiConsumer<byte[], byte[]> action) {
        if (table == null) {
            forEach(action);
            return 0;
        }
        return TableScan.scan(table, cursor, count, action);
    }

    /** Every field and value, in insertion order while the hash is small (the order of its listpack). */
    public void forEach(BiConsumer<byte[], byte[]> action) {
        if (table != null) {
            table.forEach(action);
            return;
        }
        for (int i = 0; i < size * 2; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    /** A field chosen at random and its value, as {@code [field, value]}; the hash must not be empty. */
    byte[][] randomEntry(RandomGenerator random) {
        if (table != null) {
            int slot = table.randomSlot(random);
            return new byte[][] {table.keyAt(slot), table.valueAt(slot)};
        }
        int index = random.nextInt(size) * 2;
        return new byte[][] {pairs[index], pairs[index + 1]};
    }

    private int indexOf(byte[] field) {
        for (int i = 0; i < size * 2; i += 2) {
            if (Arrays.equals(pairs[i], field)) {
                return i;
            }
        }
        return -1;
    }

    private void convertToTable() {
        ByteKeyTable<byte[]> converted = new ByteKeyTable<>();
        for (int i = 0; i < size * 2; i += 2) {
            converted.put(pairs[i], pairs[i + 1]);
        }
        table = converted;
        pairs = null;
        size = 0;
    }
}
