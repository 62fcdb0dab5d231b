package io.portbind.bench.xmpp;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts of latencies in microseconds, in log-linear buckets like HdrHistogram's: values below 128
 * are exact, above that each power of two is split into 64 buckets, so a reported percentile is at
 * most 1/64 (under 1.6 %) above the true value. Written out here rather than taken from a library
 * because the benchmark needs only record and percentile, recorded lock-free from several event loops.
 */
final class LatencyHistogram {

    private static final int EXACT = 128;
    private static final int SUB_BUCKETS = 64;
    /** Powers of two above the exact range: up to 2^37 us, about 38 hours. */
    private static final int MAGNITUDES = 31;

    private final AtomicLongArray counts = new AtomicLongArray(EXACT + SUB_BUCKETS * MAGNITUDES);

    /** Records one value; negative values count as 0, values past the range as the largest bucket. */
    void record(long micros) {
        counts.incrementAndGet(indexOf(Math.max(0, micros)));
    }

    long count() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * The smallest bucket value at or below which {@code percent} of the recorded values lie, as the
     * bucket's highest value; 0 when nothing was recorded.
     */
    long percentile(double percent) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return highestValueOf(i);
            }
        }
        return highestValueOf(counts.length() - 1);
    }

    static int indexOf(long value) {
        if (value < EXACT) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - 6;
        int index = EXACT + (shift - 1) * SUB_BUCKETS + (int) (value >>> shift) - SUB_BUCKETS;
        return Math.min(index, EXACT + SUB_BUCKETS * MAGNITUDES - 1);
    }

    static long highestValueOf(int index) {
        if (index < EXACT) {
            return index;
        }
        int shift = (index - EXACT) / SUB_BUCKETS + 1;
        long mantissa = SUB_BUCKETS + (index - EXACT) % SUB_BUCKETS;
        return ((mantissa + 1) << shift) - 1;
    }
}
