package io.portbind.http.metrics;

import io.netty.util.concurrent.FastThreadLocal;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Request counts by status and a latency histogram for one route. Each thread that records (the
 * event loops) owns its own cells and is their only writer, so recording is a few plain stores
 * with no atomic read-modify-write and no shared cache line; a scrape sums every thread's cells.
 */
final class RouteMetrics {

    /** Upper bounds of the latency buckets, in seconds, as Prometheus {@code le} labels; +Inf is implied. */
    static final String[] BUCKET_LABELS = {"0.0005", "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1",
        "0.25", "0.5", "1", "2.5"};
    static final int STATUS_CODES = 600;
    private static final long[] BUCKET_NANOS = new long[BUCKET_LABELS.length];

    static {
        for (int i = 0; i < BUCKET_LABELS.length; i++) {
            BUCKET_NANOS[i] = (long) (Double.parseDouble(BUCKET_LABELS[i]) * TimeUnit.SECONDS.toNanos(1));
        }
    }

    private final Queue<Cells> everyThread = new ConcurrentLinkedQueue<>();
    private final FastThreadLocal<Cells> thisThread = new FastThreadLocal<>() {
        @Override
        protected Cells initialValue() {
            Cells cells = new Cells();
            everyThread.add(cells);
            return cells;
        }
    };

    /**
     * One thread's counts. Written only by its thread with opaque stores (no lost updates, since
     * there is one writer), read by scrapes with opaque loads: a scrape may be a moment behind.
     */
    private static final class Cells {

        /** Index 0 collects status codes outside 0..599. */
        final AtomicLongArray byStatus = new AtomicLongArray(STATUS_CODES);
        /** Non-cumulative bucket counts; the last cell is above every bound. */
        final AtomicLongArray buckets = new AtomicLongArray(BUCKET_LABELS.length + 1);
        final AtomicLongArray sumNanos = new AtomicLongArray(1);

        void record(int status, long nanos) {
            increment(byStatus, status >= 0 && status < STATUS_CODES ? status : 0, 1);
            int bucket = 0;
            while (bucket < BUCKET_NANOS.length && nanos > BUCKET_NANOS[bucket]) {
                bucket++;
            }
            increment(buckets, bucket, 1);
            increment(sumNanos, 0, nanos);
        }

        private static void increment(AtomicLongArray cells, int index, long amount) {
            cells.setOpaque(index, cells.getPlain(index) + amount);
        }
    }

    void record(int status, long nanos) {
        thisThread.get().record(status, nanos);
    }

    long requests(int status) {
        long total = 0;
        for (Cells cells : everyThread) {
            total += cells.byStatus.getOpaque(status);
        }
        return total;
    }

    /** Non-cumulative count of bucket {@code index} (the last being +Inf); the exposition sums them. */
    long bucket(int index) {
        long total = 0;
        for (Cells cells : everyThread) {
            total += cells.buckets.getOpaque(index);
        }
        return total;
    }

    double sumSeconds() {
        long total = 0;
        for (Cells cells : everyThread) {
            total += cells.sumNanos.getOpaque(0);
        }
        return total / 1e9;
    }
}
