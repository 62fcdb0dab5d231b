package io.portbind.kv.eviction;

import io.portbind.kv.keyspace.KeyAccess;

/**
 * Redis's LRU clock: seconds since the epoch in 24 bits ({@code LRU_CLOCK_RESOLUTION} 1000 ms, wrapping every
 * 194 days), written into a key's stamp whenever it is created or looked up.
 */
final class LruClock implements KeyAccess {

    static final LruClock INSTANCE = new LruClock();

    /** {@code LRU_CLOCK_MAX}. */
    private static final int CLOCK_MAX = (1 << 24) - 1;
    private static final long RESOLUTION_MILLIS = 1000;

    private LruClock() {
    }

    static int clock(long nowMillis) {
        return (int) ((nowMillis / RESOLUTION_MILLIS) & CLOCK_MAX);
    }

    /** Redis's {@code estimateObjectIdleTime}: milliseconds since the stamp, allowing for one wrap of the clock. */
    static long idleMillis(int stamp, long nowMillis) {
        int clock = clock(nowMillis);
        long ticks = clock >= stamp ? clock - stamp : clock + (long) (CLOCK_MAX - stamp);
        return ticks * RESOLUTION_MILLIS;
    }

    @Override
    public int created(long nowMillis) {
        return clock(nowMillis);
    }

    @Override
    public int touched(int stamp, long nowMillis) {
        return clock(nowMillis);
    }

    /** A new value is a new object in Redis, with a fresh clock. */
    @Override
    public int replaced(int stamp, long nowMillis) {
        return clock(nowMillis);
    }
}
