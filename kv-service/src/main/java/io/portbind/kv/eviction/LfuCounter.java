package io.portbind.kv.eviction;

import io.portbind.kv.keyspace.KeyAccess;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's LFU data in a key's 24-bit stamp: the last decrement time in minutes (16 bits) and a logarithmic access
 * counter (8 bits). An access first decays the counter by one per {@code lfu-decay-time} minutes elapsed, then
 * increments it with probability {@code 1 / ((counter - 5) * lfu-log-factor + 1)}; a new key starts at 5 so that it
 * is not evicted before it had a chance to be used ({@code LFU_INIT_VAL}).
 */
final class LfuCounter implements KeyAccess {

    /** {@code LFU_INIT_VAL}. */
    static final int INITIAL = 5;
    private static final int COUNTER_MAX = 255;
    private static final int MINUTES_MAX = 65_535;

    private final EvictionSettings settings;

    LfuCounter(EvictionSettings settings) {
        this.settings = settings;
    }

    /** {@code LFUGetTimeInMinutes}: minutes since the epoch, in 16 bits. */
    static int minutes(long nowMillis) {
        return (int) ((nowMillis / 60_000) & MINUTES_MAX);
    }

    /** {@code LFUDecrAndReturn}: the counter after the decay due by now, without storing it. */
    static int decayed(int stamp, long nowMillis, int decayMinutes) {
        int lastDecrement = stamp >>> 8;
        int counter = stamp & COUNTER_MAX;
        int now = minutes(nowMillis);
        int elapsed = now >= lastDecrement ? now - lastDecrement : MINUTES_MAX - lastDecrement + now;
        int periods = decayMinutes > 0 ? elapsed / decayMinutes : 0;
        return periods > counter ? 0 : counter - periods;
    }

    /** {@code LFULogIncr}: increments less often the higher the counter is already. */
    static int incremented(int counter, int logFactor) {
        if (counter == COUNTER_MAX) {
            return counter;
        }
        double baseValue = Math.max(0, counter - INITIAL);
        double probability = 1.0 / (baseValue * logFactor + 1);
        return ThreadLocalRandom.current().nextDouble() < probability ? counter + 1 : counter;
    }

    @Override
    public int created(long nowMillis) {
        return minutes(nowMillis) << 8 | INITIAL;
    }

    @Override
    public int touched(int stamp, long nowMillis) {
        int counter = incremented(decayed(stamp, nowMillis, settings.lfuDecayTime()), settings.lfuLogFactor());
        return minutes(nowMillis) << 8 | counter;
    }

    /** Redis's dbOverwrite keeps the LFU data of the replaced value under an LFU policy. */
    @Override
    public int replaced(int stamp, long nowMillis) {
        return stamp;
    }
}
