package io.portbind.kv.sets;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.CollectionValue;
import io.portbind.kv.keyspace.EncodingLimit;
import io.portbind.kv.keyspace.MemoryEstimate;
import io.portbind.kv.keyspace.TableScan;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A set of binary members in Redis 7.0's two encodings: while every member is a canonical integer and
 * there are at most {@link EncodingLimit#SET_INTSET_ENTRIES} of them, a sorted {@code long[]} (an {@code intset}: eight
 * bytes a member, members listed in ascending order); otherwise a hash table of the member bytes. Like
 * Redis, a set never goes back to the intset once converted.
 */
public final class SetValue extends CollectionValue {



    private long[] integers = new long[4];
    private int size;
    private ByteKeyTable<Boolean> table;
    /** The heap bytes of the member arrays once a table holds them (an intset's members are in its array). */
    private long memberBytes;

    @Override
    public ValueType type() {
        return ValueType.SET;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return table == null ? size : table.size();
    }

    @Override
    public long memoryUsage() {
        long structure = table == null ? MemoryEstimate.longs(integers.length) : table.memoryUsage();
        return MemoryEstimate.object(2, Integer.BYTES + Long.BYTES * 2) + structure + memberBytes;
    }

    @Override
    public SetValue copy() {
        SetValue copy = new SetValue();
        if (table == null) {
            copy.integers = Arrays.copyOf(integers, integers.length);
            copy.size = size;
        } else {
            copy.convertToTable();
            forEach(copy::add);
        }
        return copy;
    }


    @Override
    public String encoding() {
        return table == null ? "intset" : "hashtable";
    }

    /** Adds {@code member}; false when it was already there. */
    public boolean add(byte[] member) {
        if (table == null) {
            if (isCanonicalInteger(member)) {
                long value = Numbers.parseLong(member);
                int at = Arrays.binarySearch(integers, 0, size, value);
                if (at >= 0) {
                    return false;
                }
                if (!EncodingLimit.SET_INTSET_ENTRIES.exceededBy(size + 1L)) {
                    insertInteger(-at - 1, value);
                    return true;
                }
            }
            convertToTable();
        }
        return addToTable(member);
    }

    private boolean addToTable(byte[] member) {
        if (table.put(member, Boolean.TRUE) != null) {
            return false;
        }
        memberBytes += MemoryEstimate.bytes(member);
        return true;
    }

    /** Removes {@code member}; false when it was not there. */
    public boolean remove(byte[] member) {
        if (table != null) {
            if (table.remove(member) == null) {
                return false;
            }
            memberBytes -= MemoryEstimate.bytes(member);
            return true;
        }
        int at = integerIndex(member);
        if (at < 0) {
            return false;
        }
        System.arraycopy(integers, at + 1, integers, at, size - at - 1);
        size--;
        return true;
    }

    public boolean contains(byte[] member) {
        return table != null ? table.get(member) != null : integerIndex(member) >= 0;
    }

    /** Calls {@code action} for every member: ascending for an intset, table order otherwise. */
    public void forEach(Consumer<byte[]> action) {
        if (table == null) {
            for (int i = 0; i < size; i++) {
                action.accept(integerText(integers[i]));
            }
        } else {
            table.forEach((member, present) -> action.accept(member));
        }
    }

    /** A member chosen at random; the set must not be empty. */
    public byte[] random(RandomGenerator random) {
        if (table == null) {
            return integerText(integers[random.nextInt(size)]);
        }
        return table.keyAt(table.randomSlot(random));
    }

    /**
     * Visits members from {@code cursor} for SSCAN: an intset is visited whole (cursor 0 back), a table
     * bucket by bucket until about {@code count} members were visited. Returns the next cursor, 0 when done.
     */
    public long scan(long cursor, long count, Consumer<byte[]> action) {
        if (table == null) {
            forEach(action);
            return 0;
        }
        return TableScan.scan(table, cursor, count, (member, present) -> action.accept(member));
    }

    private void insertInteger(int at, long value) {
        if (size == integers.length) {
            integers = Arrays.copyOf(integers, size * 2);
        }
        System.arraycopy(integers, at, integers, at + 1, size - at);
        integers[at] = value;
        size++;
    }

    private int integerIndex(byte[] member) {
        if (!isCanonicalInteger(member)) {
            return -1;
        }
        long value = Numbers.parseLong(member);
        int at = Arrays.binarySearch(integers, 0, size, value);
        return at < 0 ? -1 : at;
    }

    private void convertToTable() {
        ByteKeyTable<Boolean> converted = new ByteKeyTable<>();
        table = converted;
        for (int i = 0; i < size; i++) {
            addToTable(integerText(integers[i]));
        }
        integers = null;
        size = 0;
    }

    private static byte[] integerText(long value) {
        return Numbers.toBytes(value);
    }

    /** Whether {@code text} is an integer exactly as Redis's string2ll accepts it (then the intset may hold it). */
    static boolean isCanonicalInteger(byte[] text) {
        if (text.length == 0 || text[0] != '-' && (text[0] < '0' || text[0] > '9')) {
            return false;
        }
        try {
            Numbers.parseLong(text);
            return true;
        } catch (CommandError notAnInteger) {
            return false;
        }
    }
}
