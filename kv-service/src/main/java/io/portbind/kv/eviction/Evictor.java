package io.portbind.kv.eviction;

import io.portbind.kv.eviction.MaxmemoryPolicy.Choice;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.KeyScope;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.MemoryLimit;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Redis's {@code performEvictions}, run by the dispatcher before each command: while the keyspace's estimate is
 * over {@code maxmemory}, evict one key after another as the policy says (the best of an {@link EvictionPool} fed
 * with {@code maxmemory-samples} keys per database for LRU, LFU and TTL; a random key, databases in turn, for the
 * random policies). Under {@code noeviction}, or when the scope holds no key, memory stays over and commands that
 * may grow it are refused. Eviction takes at most the time {@code maxmemory-eviction-tenacity} allows per command
 * and then goes on in the background, as Redis's eviction time proc does.
 */
final class Evictor implements MemoryLimit {

    /** Checks the time every so many evicted keys, as Redis. */
    private static final int KEYS_PER_TIME_CHECK = 16;
    /** Gives up a search when this many pool refills found nothing still there (all sampled keys were gone). */
    private static final int MAX_EMPTY_ROUNDS = 100;
    /** One thread for every server in the process: continuations are short and rare. */
    private static final ScheduledExecutorService BACKGROUND = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kv-eviction");
        thread.setDaemon(true);
        return thread;
    });

    /** What one round of eviction achieved. */
    enum Result {
        /** Memory is under the limit (or there is none). */
        UNDER_LIMIT,
        /** Still over, but eviction goes on in the background: commands are not refused. */
        RUNNING,
        /** Still over, and nothing can be evicted. */
        FAILED
    }

    private final Keyspace keyspace;
    private final EvictionSettings settings;
    private final HeapGuard heap;
    private final EvictionPool pool = new EvictionPool();
    private final SplittableRandom random = new SplittableRandom();
    private final AtomicBoolean continuing = new AtomicBoolean();
    private int nextRandomDb;

    Evictor(Keyspace keyspace, EvictionSettings settings, HeapGuard heap) {
        this.keyspace = keyspace;
        this.settings = settings;
        this.heap = heap;
    }

    @Override
    public boolean outOfMemory() {
        boolean over = overLimit();
        if (over) {
            keyspace.lock();
            try {
                over = evict() == Result.FAILED;
            } finally {
                keyspace.unlock();
            }
        }
        return over || heap.nearlyExhausted();
    }

    @Override
    public long maxmemory() {
        return settings.maxmemory();
    }

    @Override
    public String policyName() {
        return settings.policy().text();
    }

    /** Evicts until under the limit, the time is up or nothing is left to evict. Under the lock. */
    Result evict() {
        if (!overLimit()) {
            return Result.UNDER_LIMIT;
        }
        MaxmemoryPolicy policy = settings.policy();
        if (policy.choice() == Choice.NONE) {
            return Result.FAILED;
        }
        long started = System.nanoTime();
        long limitNanos = timeLimitNanos(settings.tenacity());
        long evicted = 0;
        while (overLimit()) {
            if (!evictOne(policy)) {
                return Result.FAILED;
            }
            evicted++;
            if (evicted % KEYS_PER_TIME_CHECK == 0 && System.nanoTime() - started > limitNanos) {
                continueLater();
                return Result.RUNNING;
            }
        }
        return Result.UNDER_LIMIT;
    }

    /** Goes on evicting on the background thread once the lock is free. */
    private void continueLater() {
        if (continuing.compareAndSet(false, true)) {
            BACKGROUND.schedule(this::continueEvicting, 1, TimeUnit.MILLISECONDS);
        }
    }

    private void continueEvicting() {
        continuing.set(false);
        keyspace.lock();
        try {
            evict();
        } finally {
            keyspace.unlock();
        }
    }

    private boolean overLimit() {
        long max = settings.maxmemory();
        return max != 0 && Long.compareUnsigned(keyspace.usedMemory(), max) > 0;
    }

    /** Removes one key of the policy's scope; false when the scope has none. */
    private boolean evictOne(MaxmemoryPolicy policy) {
        KeyScope scope = policy.scope();
        if (policy.choice() == Choice.RANDOM) {
            for (int i = 0; i < Keyspace.DATABASES; i++) {
                int db = nextRandomDb++ % Keyspace.DATABASES;
                Database database = keyspace.database(db);
                if (database.size(scope) > 0) {
                    byte[][] picked = new byte[1][];
                    database.sample(random, scope, 1, (key, stamp, expireTime) -> picked[0] = key);
                    return picked[0] != null && remove(database, picked[0]);
                }
            }
            return false;
        }
        for (int round = 0; round < MAX_EMPTY_ROUNDS; round++) {
            if (!fillPool(policy)) {
                return false;
            }
            for (int best = pool.best(); best >= 0; best = pool.best()) {
                byte[] key = pool.key(best);
                Database database = keyspace.database(pool.database(best));
                pool.remove(best);
                boolean inScope = scope == KeyScope.ALL_KEYS || database.expireTime(key) != Database.NO_EXPIRY;
                if (inScope && remove(database, key)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Samples every database into the pool; false when the scope holds no key anywhere. */
    private boolean fillPool(MaxmemoryPolicy policy) {
        long now = keyspace.now();
        long total = 0;
        int samples = settings.samples();
        int decay = settings.lfuDecayTime();
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            Database database = keyspace.database(db);
            int size = database.size(policy.scope());
            if (size == 0) {
                continue;
            }
            total += size;
            int index = db;
            database.sample(random, policy.scope(), samples, (key, stamp, expireTime) -> {
                long score = switch (policy.choice()) {
                    case LRU -> LruClock.idleMillis(stamp, now);
                    case LFU -> 255 - LfuCounter.decayed(stamp, now, decay);
                    default -> Long.MAX_VALUE - expireTime;
                };
                pool.offer(index, key, score);
            });
        }
        return total > 0;
    }

    /** Evicts {@code key}; true also when it turned out expired and was deleted as such (memory was freed). */
    private boolean remove(Database database, byte[] key) {
        long before = keyspace.usedMemory();
        return database.evict(key) || keyspace.usedMemory() < before;
    }

    /** Redis's {@code evictionTimeLimitUs}: 50 us per step up to 10, then 15% more per step; 100 is unlimited. */
    static long timeLimitNanos(int tenacity) {
        if (tenacity <= 10) {
            return 50_000L * tenacity;
        }
        if (tenacity < 100) {
            return (long) (500_000L * Math.pow(1.15, tenacity - 10));
        }
        return Long.MAX_VALUE;
    }
}
