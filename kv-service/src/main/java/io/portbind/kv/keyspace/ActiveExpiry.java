package io.portbind.kv.keyspace;

import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reclaims expired keys nobody reads, like Redis's active expire cycle: ten times a second, for each
 * database, sample twenty keys that have a TTL and delete the expired ones; repeat while more than a
 * tenth of a sample was expired, within a time budget. Each round holds the keyspace lock only briefly.
 */
public final class ActiveExpiry implements AutoCloseable {

    private static final long PERIOD_MILLIS = 100;
    private static final int SAMPLES = 20;
    private static final int ACCEPTABLE_STALE = SAMPLES / 10;
    private static final long BUDGET_NANOS = TimeUnit.MILLISECONDS.toNanos(25);

    private final Keyspace keyspace;
    private final SplittableRandom random = new SplittableRandom();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kv-active-expiry");
        thread.setDaemon(true);
        return thread;
    });

    public ActiveExpiry(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::cycle, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** One cycle over all databases; public so tests can run it without waiting. */
    public void cycle() {
        long deadline = System.nanoTime() + BUDGET_NANOS;
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            int deleted;
            do {
                keyspace.lock();
                try {
                    deleted = keyspace.database(db).expireSample(random, SAMPLES);
                } finally {
                    keyspace.unlock();
                }
            } while (deleted > ACCEPTABLE_STALE && System.nanoTime() < deadline);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
