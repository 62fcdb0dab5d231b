package io.portbind.kv.eviction;

/**
 * Redis's eviction pool ({@code EVPOOL_SIZE} 16): the best candidates seen in the samples so far, kept in
 * ascending order of their score (idle time, inverse frequency or inverse expiry), so that each eviction takes the
 * best one from the right. It outlives one eviction, as in Redis, which makes a few samples per round approximate
 * true LRU well. Entries may be stale (deleted or changed since): the caller checks before evicting.
 */
final class EvictionPool {

    static final int SIZE = 16;

    private final long[] scores = new long[SIZE];
    private final byte[][] keys = new byte[SIZE][];
    private final int[] databases = new int[SIZE];

    /** Offers a sampled key with its score; kept if it beats the worst entry or the pool has room. */
    void offer(int db, byte[] key, long score) {
        int at = 0;
        while (at < SIZE && keys[at] != null && scores[at] < score) {
            at++;
        }
        if (at == 0 && keys[SIZE - 1] != null) {
            return; // worse than every candidate in a full pool
        }
        if (at < SIZE && keys[at] == null) {
            put(at, db, key, score);
            return;
        }
        if (keys[SIZE - 1] == null) {
            // Room at the right end: shift the better entries right.
            System.arraycopy(scores, at, scores, at + 1, SIZE - at - 1);
            System.arraycopy(keys, at, keys, at + 1, SIZE - at - 1);
            System.arraycopy(databases, at, databases, at + 1, SIZE - at - 1);
        } else {
            // Full: drop the worst (leftmost) entry and shift the worse ones left.
            at--;
            System.arraycopy(scores, 1, scores, 0, at);
            System.arraycopy(keys, 1, keys, 0, at);
            System.arraycopy(databases, 1, databases, 0, at);
        }
        put(at, db, key, score);
    }

    /** The index of the best candidate, or -1 when the pool is empty. */
    int best() {
        for (int at = SIZE - 1; at >= 0; at--) {
            if (keys[at] != null) {
                return at;
            }
        }
        return -1;
    }

    byte[] key(int at) {
        return keys[at];
    }

    int database(int at) {
        return databases[at];
    }

    /** Takes entry {@code at} (the best) out of the pool. */
    void remove(int at) {
        keys[at] = null;
    }

    private void put(int at, int db, byte[] key, long score) {
        keys[at] = key;
        scores[at] = score;
        databases[at] = db;
    }
}
