package io.portbind.kv.keyspace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * An open-addressing hash table from binary keys to values: parallel arrays of keys, values and the
 * keys' hashes, and linear probing, so an entry costs three array slots plus the key and value
 * themselves (no entry or wrapper objects). The stored hash lets a probe skip a key without reading
 * it (one cache miss fewer per probe) and spares rehashing on resize. Deletion shifts later entries
 * back instead of leaving tombstones. A table made {@link #withAccessStamps()} keeps one more {@code int} per slot
 * beside the hash, in the same array: the key's 24-bit LRU clock or LFU counter, as Redis keeps them in each
 * object's header, so that the lookup that reads the hash finds the stamp in the same cache line (a command that
 * touches a key costs no extra miss for it). Not thread-safe: the keyspace lock guards it.
 *
 * @param <V> value type
 */
public final class ByteKeyTable<V> {

    private static final int MIN_CAPACITY = 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long SEED = new SecureRandom().nextLong();

    private byte[][] keys;
    private Object[] values;
    /** Per slot its key's hash at {@code slot << shift} and, in a table with stamps, the access stamp right after. */
    private int[] hashes;
    /** 0, or 1 in a table with stamps: each slot then has two ints in {@link #hashes}. */
    private final int shift;
    private int size;
    private int mask;
    /** The slot {@link #put} last overwrote, for a caller that updates the stamp of a replaced entry. */
    private int lastOverwritten = -1;

    public ByteKeyTable() {
        this(false);
    }

    private ByteKeyTable(boolean stamped) {
        this.shift = stamped ? 1 : 0;
        allocate(MIN_CAPACITY);
    }

    /** A table that keeps an access stamp per entry (the database's key table). */
    public static <V> ByteKeyTable<V> withAccessStamps() {
        return new ByteKeyTable<>(true);
    }

    public int size() {
        return size;
    }

    /** The value of {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(byte[] key) {
        int slot = find(key);
        return slot < 0 ? null : (V) values[slot];
    }

    /** Sets {@code key} to {@code value} and returns the previous value, or null when the key is new. */
    public V put(byte[] key, V value) {
        return put(key, value, 0);
    }

    /**
     * Sets {@code key} to {@code value} and returns the previous value, or null when the key is new; a new entry
     * gets the access stamp {@code stampIfNew}, a replaced one keeps its stamp (its slot is then
     * {@link #lastOverwritten()}).
     */
    @SuppressWarnings("unchecked")
    public V put(byte[] key, V value, int stampIfNew) {
        int hash = hash(key);
        int slot = hash & mask;
        while (keys[slot] != null) {
            if (hashes[slot << shift] == hash && Arrays.equals(keys[slot], key)) {
                Object previous = values[slot];
                values[slot] = value;
                lastOverwritten = slot;
                return (V) previous;
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        values[slot] = value;
        hashes[slot << shift] = hash;
        if (shift == 1) {
            hashes[(slot << 1) + 1] = stampIfNew;
        }
        if (++size > threshold()) {
            resize(keys.length * 2);
        }
        return null;
    }

    /** Removes {@code key} and returns its value, or null when it was absent. */
    @SuppressWarnings("unchecked")
    public V remove(byte[] key) {
        int slot = find(key);
        if (slot < 0) {
            return null;
        }
        Object previous = values[slot];
        deleteSlot(slot);
        if (size < keys.length / 8 && keys.length > MIN_CAPACITY) {
            resize(keys.length / 2);
        }
        return (V) previous;
    }

    public void clear() {
        allocate(MIN_CAPACITY);
    }

    /**
     * A table with the same entries (and stamps), sharing the keys and values but none of the arrays: three array
     * copies, so changing either table afterwards leaves the other as it was. What a snapshot takes under the lock.
     */
    public ByteKeyTable<V> shallowCopy() {
        ByteKeyTable<V> copy = new ByteKeyTable<>(shift == 1);
        copy.keys = keys.clone();
        copy.values = values.clone();
        copy.hashes = hashes.clone();
        copy.size = size;
        copy.mask = mask;
        return copy;
    }

    /** The slot holding {@code key}, or -1; valid until the table next changes its entries. */
    public int slotOf(byte[] key) {
        return find(key);
    }

    /** The slot the last {@link #put} that replaced a value wrote to; valid until the table next changes. */
    public int lastOverwritten() {
        return lastOverwritten;
    }

    /** The access stamp of the entry in {@code slot} (0 in a table without stamps). */
    public int stampAt(int slot) {
        return shift == 1 ? hashes[(slot << 1) + 1] : 0;
    }

    /** Sets the access stamp of the entry in {@code slot}; ignored by a table without stamps. */
    public void stampAt(int slot, int stamp) {
        if (shift == 1) {
            hashes[(slot << 1) + 1] = stamp;
        }
    }

    /** Estimated heap bytes of the table itself: this object and its parallel arrays, not the keys and values. */
    public long memoryUsage() {
        int capacity = keys.length;
        return MemoryEstimate.object(3, 4 * Integer.BYTES) + 2 * MemoryEstimate.references(capacity)
                + MemoryEstimate.ints(capacity << shift);
    }

    /** A slot chosen at random that holds an entry, or -1 when the table is empty. */
    public int randomSlot(RandomGenerator random) {
        if (size == 0) {
            return -1;
        }
        int slot = random.nextInt(keys.length);
        while (keys[slot] == null) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The number of slots: {@link #keyAt} takes {@code 0 <= slot < capacity()} and gives null for an empty slot. */
    public int capacity() {
        return keys.length;
    }

    public byte[] keyAt(int slot) {
        return keys[slot];
    }

    @SuppressWarnings("unchecked")
    public V valueAt(int slot) {
        return (V) values[slot];
    }

    /** Calls {@code action} for every entry; the action must not modify this table. */
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<byte[], V> action) {
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                action.accept(keys[slot], (V) values[slot]);
            }
        }
    }

    /**
     * One step of a SCAN-style iteration: visits the entries whose home bucket is {@code cursor}'s and returns
     * the cursor of the next bucket, or 0 after the last. Buckets go in reverse-binary order, as in Redis's
     * dictScan: a bucket of a smaller table is the set of buckets of a larger one that share its low bits, so a
     * full iteration reaches every entry present from its start to its end at least once, even when the table
     * grows or shrinks between steps. Linear probing keeps an entry in the run of full slots that starts at its
     * home (deletion shifts back only within the run), so walking that run finds all of the bucket's entries.
     * The action must not modify this table.
     */
    @SuppressWarnings("unchecked")
    public long scanBucket(long cursor, BiConsumer<byte[], V> action) {
        int bucket = (int) (cursor & mask);
        for (int slot = bucket; keys[slot] != null; slot = (slot + 1) & mask) {
            if ((hashes[slot << shift] & mask) == bucket) {
                action.accept(keys[slot], (V) values[slot]);
            }
        }
        // Set the bits above the mask, so that incrementing the reversed cursor carries into the bucket bits.
        return Long.reverse(Long.reverse(cursor | ~(long) mask) + 1);
    }

    private int find(byte[] key) {
        int hash = hash(key);
        int slot = hash & mask;
        byte[] candidate;
        while ((candidate = keys[slot]) != null) {
            if (hashes[slot << shift] == hash && Arrays.equals(candidate, key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Empties {@code slot} and moves back every later entry of the probe run that may now sit too far away. */
    private void deleteSlot(int slot) {
        int gap = slot;
        int next = (gap + 1) & mask;
        while (keys[next] != null) {
            int home = hashes[next << shift] & mask;
            boolean movable = gap <= next ? home <= gap || home > next : home <= gap && home > next;
            if (movable) {
                keys[gap] = keys[next];
                values[gap] = values[next];
                moveHashAndStamp(next, gap);
                gap = next;
            }
            next = (next + 1) & mask;
        }
        keys[gap] = null;
        values[gap] = null;
        size--;
    }

    /** Copies the hash (and the stamp) of slot {@code from} to slot {@code to}. */
    private void moveHashAndStamp(int from, int to) {
        hashes[to << shift] = hashes[from << shift];
        if (shift == 1) {
            hashes[(to << 1) + 1] = hashes[(from << 1) + 1];
        }
    }

    private int threshold() {
        return keys.length - (keys.length >>> 2);
    }

    private void resize(int capacity) {
        byte[][] oldKeys = keys;
        Object[] oldValues = values;
        int[] oldHashes = hashes;
        allocate(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int hash = oldHashes[i << shift];
                int slot = hash & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
                hashes[slot << shift] = hash;
                if (shift == 1) {
                    hashes[(slot << 1) + 1] = oldHashes[(i << 1) + 1];
                }
                size++;
            }
        }
    }

    private void allocate(int capacity) {
        keys = new byte[capacity][];
        values = new Object[capacity];
        hashes = new int[capacity << shift];
        mask = capacity - 1;
        size = 0;
    }

    /**
     * Eight bytes per step, mixed with multiply-xorshift rounds (SplitMix64's constants), then the remaining bytes
     * one at a time and a murmur finalizer, so that linear probing sees well-spread low bits. The seed is chosen
     * per process, as Redis seeds its SipHash: a client cannot precompute keys that all collide.
     */
    static int hash(byte[] key) {
        long h = SEED ^ key.length;
        int i = 0;
        for (; i + Long.BYTES <= key.length; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(key, i)) * 0xbf58476d1ce4e5b9L;
            h ^= h >>> 31;
        }
        for (; i < key.length; i++) {
            h = (h ^ (key[i] & 0xff)) * 0x94d049bb133111ebL;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }
}
