package io.portbind.kv.hashes;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.keyspace.TableScan;
import io.portbind.kv.keyspace.ValueType;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * A hash. Small hashes are one flat array of alternating fields and values in insertion order, found by
 * a linear scan, like Redis's listpack (and in the same order HGETALL shows); past Redis's limits (512
 * fields, or a field or value over 64 bytes) it becomes a {@link ByteKeyTable}, and stays one, as in Redis.
 */
public final class HashValue implements StoredValue {

    /** Redis 7.0's built-in hash-max-listpack-entries and hash-max-listpack-value (redis.conf samples say 128). */
    public static final int MAX_LISTPACK_ENTRIES = 512;
    public static final int MAX_LISTPACK_VALUE = 64;
    private static final int INITIAL_PAIRS = 4;

    private byte[][] pairs = new byte[INITIAL_PAIRS * 2][];
    private int size;
    private ByteKeyTable<byte[]> table;

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

    public byte[] get(byte[] field) {
        if (table != null) {
            return table.get(field);
        }
        int index = indexOf(field);
        return index < 0 ? null : pairs[index + 1];
    }

    /** Sets {@code field} to {@code value}; true when the field is new. */
    public boolean put(byte[] field, byte[] value) {
        if (table == null && (field.length > MAX_LISTPACK_VALUE || value.length > MAX_LISTPACK_VALUE)) {
            convertToTable();
        }
        if (table != null) {
            return table.put(field, value) == null;
        }
        int index = indexOf(field);
        if (index >= 0) {
            pairs[index + 1] = value;
            return false;
        }
        if (size == MAX_LISTPACK_ENTRIES) {
            convertToTable();
            return table.put(field, value) == null;
        }
        if (size * 2 == pairs.length) {
            pairs = Arrays.copyOf(pairs, pairs.length * 2);
        }
        pairs[size * 2] = field;
        pairs[size * 2 + 1] = value;
        size++;
        return true;
    }

    /** Removes {@code field}; true when it was there. */
    public boolean remove(byte[] field) {
        if (table != null) {
            return table.remove(field) != null;
        }
        int index = indexOf(field);
        if (index < 0) {
            return false;
        }
        System.arraycopy(pairs, index + 2, pairs, index, size * 2 - index - 2);
        size--;
        pairs[size * 2] = null;
        pairs[size * 2 + 1] = null;
        return true;
    }

    /** Every field and value, in insertion order while the hash is small. */
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
