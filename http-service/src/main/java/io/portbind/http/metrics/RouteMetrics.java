package io.portbind.http.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/** Request counts by status and a latency histogram for one route; lock-free, cheap on the hot path. */
final class RouteMetrics {

    /** Upper bounds of the latency buckets, in seconds (Prometheus {@code le}); +Inf is implied. */
    private static final int STATUS_CODES = 600;
    static final String[] BUCKET_LABELS = {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
        "0.25", "0.5", "1", "2.5"};
    private static final double[] BUCKET_SECONDS = new double[BUCKET_LABELS.length];
    private static final long[] BUCKET_NANOS = new long[BUCKET_LABELS.length];

    static {
        for (int i = 0; i < BUCKET_LABELS.length; i++) {
            BUCKET_SECONDS[i] = Double.parseDouble(BUCKET_LABELS[i]);
            BUCKET_NANOS[i] = (long) (BUCKET_SECONDS[i] * TimeUnit.SECONDS.toNanos(1));
        }
    }


    // Adders, not atomic arrays: every event loop counts the same few cells, and adders do not contend.
    private final LongAdder[] byStatus = adders(STATUS_CODES);
    private final LongAdder[] buckets = adders(BUCKET_LABELS.length);
    private final LongAdder count = new LongAdder();
    private final LongAdder sumNanos = new LongAdder();

    void record(int status, long nanos) {
        byStatus[status >= 0 && status < STATUS_CODES ? status : 0].increment();
        for (int i = 0; i < BUCKET_NANOS.length; i++) {
            if (nanos <= BUCKET_NANOS[i]) {
                buckets[i].increment();
                break;
            }
        }
        count.increment();
        sumNanos.add(nanos);
    }

    long requests(int status) {
        return byStatus[status].sum();
    }

    /** Non-cumulative count of bucket {@code index}; the exposition sums them. */
    long bucket(int index) {
        return buckets[index].sum();
    }

    long count() {
        return count.sum();
    }

    double sumSeconds() {
        return sumNanos.sum() / 1e9;
    }

    private static LongAdder[] adders(int count) {
        LongAdder[] adders = new LongAdder[count];
        for (int i = 0; i < count; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    static int statusCodes() {
        return STATUS_CODES;
    }
}
