package io.portbind.kv.keyspace;

/**
 * How a key's 24-bit access stamp changes, as Redis keeps either an LRU clock or an LFU counter in each
 * object's {@code lru} field depending on {@code maxmemory-policy}. The eviction feature supplies the LRU and LFU
 * rules; until it does, stamps stay 0.
 */
public interface KeyAccess {

    /** Stamps stay 0: nothing tracks access (a keyspace without the eviction feature). */
    KeyAccess UNTRACKED = new KeyAccess() {
        @Override
        public int created(long nowMillis) {
            return 0;
        }

        @Override
        public int touched(int stamp, long nowMillis) {
            return stamp;
        }

        @Override
        public int replaced(int stamp, long nowMillis) {
            return stamp;
        }
    };

    /** The stamp of a key created at {@code nowMillis}. */
    int created(long nowMillis);

    /** The stamp after a command read or wrote the key at {@code nowMillis}. */
    int touched(int stamp, long nowMillis);

    /** The stamp of a key whose value was replaced by a new one (SET over an existing key). */
    int replaced(int stamp, long nowMillis);
}
