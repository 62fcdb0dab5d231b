package io.portbind.kv.keyspace;

/**
 * What INFO stats reports about the keyspace: lookups that found a key or not, and keys removed
 * because their TTL passed. Plain fields: they change and are read only under the keyspace lock.
 */
public final class KeyspaceStats {

    private long hits;
    private long misses;
    private long expiredKeys;

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
    }
}
