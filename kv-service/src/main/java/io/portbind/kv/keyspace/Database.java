package io.portbind.kv.keyspace;

import io.portbind.kv.resp.CommandError;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * One numbered database: keys to values, and expiry times for the keys that have one (kept in a
 * second table, like Redis's {@code expires} dict, so keys without a TTL pay nothing for it).
 * Reads treat a key whose time has come as absent and delete it (lazy expiry, exact to the
 * millisecond of the keyspace clock). Every mutation signals {@link KeyspaceListener#keyModified};
 * commands that change a stored collection in place call {@link #modified} themselves.
 *
 * <p>The database keeps an estimate of the heap its keys hold (key and value arrays, each collection's own
 * {@link CollectionValue#memoryUsage()}, expiry entries, the two tables' slots), changed by each write rather
 * than counted by a walk, and an access stamp per key (LRU clock or LFU counter, see {@link KeyAccess}) that
 * lookups update. Only used while holding the keyspace lock.
 */
public final class Database {

    /** {@link #expireTime} of a key without a TTL. */
    public static final long NO_EXPIRY = -1;

    private final Keyspace keyspace;
    private final int index;
    private ByteKeyTable<Object> entries = ByteKeyTable.withAccessStamps();
    private ByteKeyTable<Long> expires = new ByteKeyTable<>();
    private final MemoryTally tally;

    Database(Keyspace keyspace, int index) {
        this.keyspace = keyspace;
        this.index = index;
        this.tally = new MemoryTally(keyspace);
        tally.countTables(entries, expires);
    }

    public int index() {
        return index;
    }

    public int size() {
        return entries.size();
    }

    public int expiringSize() {
        return expires.size();
    }

    /**
     * The live value of {@code key} of any type, or null; counts as an access for LRU/LFU. Inside a command that
     * may write, a collection that an open snapshot shares is first replaced by a copy (copy-on-write, see
     * {@link Keyspace#snapshot()}): the caller may change what it gets back, the snapshot keeps the original.
     */
    public Object get(byte[] key) {
        return lookup(key, keyspace.touching());
    }

    /**
     * The live value of {@code key}, or null, without counting as an access (Redis's {@code LOOKUP_NOTOUCH}:
     * OBJECT, TYPE, EXISTS); hits and misses are still counted.
     */
    public Object peek(byte[] key) {
        return lookup(key, false);
    }

    private Object lookup(byte[] key, boolean touch) {
        Object value = null;
        if (!expireIfDue(key)) {
            int slot = entries.slotOf(key);
            if (slot >= 0) {
                value = entries.valueAt(slot);
                if (touch) {
                    entries.stampAt(slot, keyspace.keyAccess().touched(entries.stampAt(slot), keyspace.now()));
                }
            }
        }
        keyspace.stats().lookup(value != null);
        if (value instanceof StoredValue stored && keyspace.sharedWithSnapshot(stored)) {
            value = stored.copy();
            entries.put(key, value);
            // The copy takes the original's place in the memory count; the snapshot's original is no longer ours.
            tally.count(MemoryTally.charge(value) - MemoryTally.discharge(stored));
        }
        return value;
    }

    /** The live value of {@code key}, or null; WRONGTYPE when it holds another type. */
    @SuppressWarnings("unchecked")
    public <T> T get(byte[] key, ValueType expected) {
        Object value = get(key);
        if (value != null && ValueType.of(value) != expected) {
            throw CommandError.WRONGTYPE;
        }
        return (T) value;
    }

    /** The string value of {@code key}, or null; WRONGTYPE when it holds another type. */
    public byte[] getString(byte[] key) {
        return get(key, ValueType.STRING);
    }

    /** Whether {@code key} is live; not an access (EXISTS does not touch in Redis). */
    public boolean exists(byte[] key) {
        return peek(key) != null;
    }

    /** Sets {@code key} to {@code value}, dropping any TTL it had (plain SET semantics). */
    public void put(byte[] key, Object value) {
        if (expires.size() > 0 && !expireIfDue(key) && expires.remove(key) != null) {
            tally.count(-MemoryTally.expiry(key));
            tally.countTables(entries, expires);
        }
        putKeepTtl(key, value);
    }

    /** Sets {@code key} to {@code value} and keeps its TTL if it has one (SET KEEPTTL, SETRANGE, APPEND). */
    public void putKeepTtl(byte[] key, Object value) {
        expireIfDue(key);
        KeyAccess access = keyspace.keyAccess();
        Object previous = entries.put(key, value, access.created(keyspace.now()));
        if (previous == null) {
            tally.count(MemoryEstimate.bytes(key) + MemoryTally.charge(value));
            tally.countTables(entries, expires);
            keyspace.signalReady(index, key);
            keyspace.signalCreated(index, key);
        } else {
            int slot = entries.lastOverwritten();
            entries.stampAt(slot, access.replaced(entries.stampAt(slot), keyspace.now()));
            long freed = MemoryTally.discharge(previous); // first: the new value may be the same object
            tally.count(MemoryTally.charge(value) - freed);
        }
        keyspace.signalModified(index, key);
    }

    /**
     * Stores a key read from a data file (dump.rdb, an AOF base) with its expiry time, unless that time has
     * passed, as redis-server does when it loads as a master. Returns whether the key was stored.
     */
    public boolean load(byte[] key, Object value, long expireAtMillis) {
        if (expireAtMillis != NO_EXPIRY && expireAtMillis <= keyspace.now()) {
            return false;
        }
        put(key, value);
        if (expireAtMillis != NO_EXPIRY) {
            setExpireTime(key, expireAtMillis);
        }
        return true;
    }

    /** Removes {@code key}; false when it did not exist. */
    public boolean delete(byte[] key) {
        if (expireIfDue(key)) {
            return false;
        }
        Object value = entries.remove(key);
        if (value == null) {
            return false;
        }
        forget(key, value);
        keyspace.signalModified(index, key);
        return true;
    }

    /**
     * Deletes {@code key} to make room under {@code maxmemory}: a deletion for WATCH, counted in INFO's
     * {@code evicted_keys}, and announced to {@link KeyspaceListener#keyEvicted}. False when it was not live.
     */
    public boolean evict(byte[] key) {
        if (!delete(key)) {
            return false;
        }
        keyspace.stats().evicted();
        keyspace.signalEvicted(index, key);
        return true;
    }

    /** The absolute expiry time of a live key in Unix milliseconds, or {@link #NO_EXPIRY}. */
    public long expireTime(byte[] key) {
        Long at = expires.get(key);
        return at == null ? NO_EXPIRY : at;
    }

    /**
     * Gives the live {@code key} an absolute expiry time; a time already past deletes it at once
     * (Redis deletes instead of storing a TTL in the past). The caller has checked the key exists.
     */
    public void setExpireTime(byte[] key, long unixMillis) {
        if (unixMillis <= keyspace.now()) {
            delete(key);
            return;
        }
        if (expires.put(key, unixMillis) == null) {
            tally.count(MemoryTally.expiry(key));
            tally.countTables(entries, expires);
        }
        keyspace.signalModified(index, key);
    }

    /** Removes the TTL of {@code key}; false when it had none. */
    public boolean persist(byte[] key) {
        if (expireIfDue(key) || expires.remove(key) == null) {
            return false;
        }
        tally.count(-MemoryTally.expiry(key));
        tally.countTables(entries, expires);
        keyspace.signalModified(index, key);
        return true;
    }

    /**
     * Fires keyspace event {@code event} of class {@code type} for {@code key}, after the change it names, in the
     * order Redis fires its events ({@code lpop} before the {@code del} of the list it emptied).
     */
    public void notifyEvent(EventClass type, String event, byte[] key) {
        keyspace.signalEvent(index, type, event, key);
    }

    /** Tells WATCH that a stored collection was changed in place, and counts how its size changed. */
    public void modified(byte[] key) {
        int slot = entries.slotOf(key);
        if (slot >= 0 && entries.valueAt(slot) instanceof CollectionValue collection) {
            tally.count(collection.settle());
        }
        keyspace.signalModified(index, key);
    }

    /** This database's part of {@link Keyspace#usedMemory()}, in estimated heap bytes. */
    public long usedMemory() {
        return tally.memory();
    }

    /**
     * The access stamp of the live {@code key} (LRU clock or LFU counter, see {@link KeyAccess}), or -1 when it
     * does not exist; reading it is no access.
     */
    public int accessStamp(byte[] key) {
        if (peek(key) == null) {
            return -1;
        }
        return entries.stampAt(entries.slotOf(key));
    }

    /** Sets the access stamp of {@code key} (RESTORE ... IDLETIME or FREQ, loading a file); false if absent. */
    public boolean accessStamp(byte[] key, int stamp) {
        int slot = entries.slotOf(key);
        if (slot < 0) {
            return false;
        }
        entries.stampAt(slot, stamp);
        return true;
    }

    /**
     * Up to {@code count} keys picked at random from {@code scope} (repeats possible), each given to
     * {@code sampler} with its access stamp and expiry time, for eviction as Redis's {@code dictGetSomeKeys}.
     * Keys whose TTL passed are sampled too: evicting one deletes it as expired.
     */
    public void sample(RandomGenerator random, KeyScope scope, int count, KeySampler sampler) {
        ByteKeyTable<?> from = scope == KeyScope.ALL_KEYS ? entries : expires;
        for (int i = 0; i < count && from.size() > 0; i++) {
            byte[] key = from.keyAt(from.randomSlot(random));
            int slot = entries.slotOf(key);
            if (slot >= 0) {
                sampler.sample(key, entries.stampAt(slot), expireTime(key));
            }
        }
    }

    /** How many keys {@code scope} holds here. */
    public int size(KeyScope scope) {
        return scope == KeyScope.ALL_KEYS ? entries.size() : expires.size();
    }

    /** A random live key, or null when the database is empty (RANDOMKEY). */
    public byte[] randomKey(RandomGenerator random) {
        while (entries.size() > 0) {
            byte[] key = entries.keyAt(entries.randomSlot(random));
            if (!expireIfDue(key)) {
                return key;
            }
        }
        return null;
    }

    /**
     * One step of SCAN: visits the live keys of the buckets from {@code cursor} on (see {@link TableScan}) and
     * returns the next cursor, 0 when the iteration is complete. Keys found expired are deleted, not visited.
     */
    public long scan(long cursor, long count, BiConsumer<byte[], Object> action) {
        List<byte[]> found = new ArrayList<>();
        long next = TableScan.scan(entries, cursor, count, (key, value) -> found.add(key));
        for (byte[] key : found) {
            Object value = expireIfDue(key) ? null : entries.get(key);
            if (value != null) {
                action.accept(key, value);
            }
        }
        return next;
    }

    /** Calls {@code action} for every live key and value; the action must not modify this database. */
    public void forEach(BiConsumer<byte[], Object> action) {
        long now = keyspace.now();
        entries.forEach((key, value) -> {
            Long at = expires.size() == 0 ? null : expires.get(key);
            if (at == null || at > now) {
                action.accept(key, value);
            }
        });
    }

    /** A copy of the key table for a snapshot: the keys and values are shared, the arrays are not. */
    ByteKeyTable<Object> copyOfEntries() {
        return entries.shallowCopy();
    }

    /** A copy of the expiry table for a snapshot. */
    ByteKeyTable<Long> copyOfExpires() {
        return expires.shallowCopy();
    }

    /**
     * Removes every key. An empty database signals nothing: as in Redis, FLUSHALL touches no WATCHed key there and
     * counts no change.
     */
    public void clear() {
        boolean hadKeys = entries.size() > 0;
        entries = ByteKeyTable.withAccessStamps();
        expires = new ByteKeyTable<>();
        tally.clear();
        tally.countTables(entries, expires);
        if (hadKeys) {
            keyspace.signalReplaced(index);
        }
    }

    /** Exchanges all contents with {@code other} (SWAPDB). */
    public void swapWith(Database other) {
        ByteKeyTable<Object> otherEntries = other.entries;
        ByteKeyTable<Long> otherExpires = other.expires;
        other.entries = entries;
        other.expires = expires;
        entries = otherEntries;
        expires = otherExpires;
        tally.swapWith(other.tally);
        keyspace.signalReplaced(index);
        keyspace.signalReplaced(other.index);
    }

    /**
     * One round of active expiry: looks at up to {@code samples} random keys that have a TTL and
     * deletes those whose time has come. Returns how many were deleted.
     */
    int expireSample(RandomGenerator random, int samples) {
        int deleted = 0;
        long now = keyspace.now();
        for (int i = 0; i < samples && expires.size() > 0; i++) {
            int slot = expires.randomSlot(random);
            if (expires.valueAt(slot) <= now) {
                removeExpired(expires.keyAt(slot));
                deleted++;
            }
        }
        return deleted;
    }

    /** Deletes {@code key} when its TTL has passed; true if it did. */
    private boolean expireIfDue(byte[] key) {
        if (expires.size() == 0) {
            return false;
        }
        Long at = expires.get(key);
        if (at == null || at > keyspace.now()) {
            return false;
        }
        removeExpired(key);
        return true;
    }

    private void removeExpired(byte[] key) {
        keyspace.stats().expired();
        Object value = entries.remove(key);
        if (value != null) {
            forget(key, value);
        }
        keyspace.signalExpired(index, key);
    }

    /** Uncounts a removed entry and its expiry, if it had one. */
    private void forget(byte[] key, Object value) {
        long freed = MemoryEstimate.bytes(key) + MemoryTally.discharge(value);
        if (expires.size() > 0 && expires.remove(key) != null) {
            freed += MemoryTally.expiry(key);
        }
        tally.count(-freed);
        tally.countTables(entries, expires);
    }
}
