package io.portbind.kv.keyspace;

/**
 * What INFO stats reports about the keyspace: lookups that found a key or not, keys removed
 * because their TTL passed, and keys evicted to stay under {@code maxmemory}. Plain fields: they change
 * and are read only under the keyspace lock.
 */
public final class KeyspaceStats {

    private long hits;
    private long misses;
    private long expiredKeys;
    private long evictedKeys;

    void lookup(boolean found) {
        if (found) {
            hits++;
        } else {
            misses++;
        }
    }

    void expired() {
        expiredKeys++;
    }

    void evicted() {
        evictedKeys++;
    }

    public long evictedKeys() {
        return evictedKeys;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long expiredKeys() {
        return expiredKeys;
    }

    /** CONFIG RESETSTAT. */
    public void reset() {
        hits = 0;
        misses = 0;
        expiredKeys = 0;
        evictedKeys = 0;
    }
}
