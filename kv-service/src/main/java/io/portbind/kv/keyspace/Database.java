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
 * Only used while holding the keyspace lock.
 */
public final class Database {

    /** {@link #expireTime} of a key without a TTL. */
    public static final long NO_EXPIRY = -1;

    private final Keyspace keyspace;
    private final int index;
    private ByteKeyTable<Object> entries = new ByteKeyTable<>();
    private ByteKeyTable<Long> expires = new ByteKeyTable<>();

    Database(Keyspace keyspace, int index) {
        this.keyspace = keyspace;
        this.index = index;
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

    /** The live value of {@code key} of any type, or null. */
    public Object get(byte[] key) {
        Object value = expireIfDue(key) ? null : entries.get(key);
        keyspace.stats().lookup(value != null);
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

    public boolean exists(byte[] key) {
        return get(key) != null;
    }

    /** Sets {@code key} to {@code value}, dropping any TTL it had (plain SET semantics). */
    public void put(byte[] key, Object value) {
        if (expires.size() > 0 && !expireIfDue(key)) {
            expires.remove(key);
        }
        putKeepTtl(key, value);
    }

    /** Sets {@code key} to {@code value} and keeps its TTL if it has one (SET KEEPTTL, SETRANGE, APPEND). */
    public void putKeepTtl(byte[] key, Object value) {
        expireIfDue(key);
        if (entries.put(key, value) == null) {
            keyspace.signalReady(index, key);
        }
        modified(key);
    }

    /** Removes {@code key}; false when it did not exist. */
    public boolean delete(byte[] key) {
        if (expireIfDue(key)) {
            return false;
        }
        if (entries.remove(key) == null) {
            return false;
        }
        expires.remove(key);
        modified(key);
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
        expires.put(key, unixMillis);
        modified(key);
    }

    /** Removes the TTL of {@code key}; false when it had none. */
    public boolean persist(byte[] key) {
        if (expireIfDue(key) || expires.remove(key) == null) {
            return false;
        }
        modified(key);
        return true;
    }

    /** Tells WATCH that a stored collection was changed in place. */
    public void modified(byte[] key) {
        keyspace.signalModified(index, key);
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

    /** Removes every key. */
    public void clear() {
        entries = new ByteKeyTable<>();
        expires = new ByteKeyTable<>();
        keyspace.signalReplaced(index);
    }

    /** Exchanges all contents with {@code other} (SWAPDB). */
    public void swapWith(Database other) {
        ByteKeyTable<Object> otherEntries = other.entries;
        ByteKeyTable<Long> otherExpires = other.expires;
        other.entries = entries;
        other.expires = expires;
        entries = otherEntries;
        expires = otherExpires;
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
        entries.remove(key);
        expires.remove(key);
        keyspace.signalExpired(index, key);
    }
}
