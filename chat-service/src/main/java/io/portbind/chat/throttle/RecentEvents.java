package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Event tallies in this process's memory. At most {@code capacity} keys are kept, the one quiet longest
 * making room for a new one: a flood of new keys costs bounded memory. Event loops share one instance, so
 * every method locks it; the work done under the lock is a map lookup.
 */
public final class RecentEvents implements EventTallies {

    /** Keys per table: an attacker making up names or addresses cannot make it grow past this. */
    public static final int CAPACITY = 10_000;

    /** @param lastNanos  when the latest event happened, on the clock's scale */
    private record Stamp(int count, long lastNanos) {
    }

    private final Map<String, Stamp> tallies;
    private final long memoryNanos;
    private final LongSupplier clock;

    /** @param clock  nanoseconds, such as {@link System#nanoTime} */
    RecentEvents(int capacity, Duration memory, LongSupplier clock) {
        // Insertion order, and every event re-inserts its key: the eldest entry is the one quiet longest.
        this.tallies = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stamp> eldest) {
                return size() > capacity;
            }
        };
        this.memoryNanos = memory.toNanos();
        this.clock = clock;
    }

    /** Tallies of any kind in memory, on the system's clock. */
    public static Source inMemory() {
        return (kind, memory) -> new RecentEvents(CAPACITY, memory, System::nanoTime);
    }

    @Override
    public synchronized CompletionStage<Tally> tally(String key) {
        Stamp stamp = current(key);
        return CompletableFuture.completedFuture(stamp == null ? Tally.NONE
                : new Tally(stamp.count(), clock.getAsLong() - stamp.lastNanos()));
    }

    @Override
    public synchronized void record(String key) {
        Stamp before = current(key);
        tallies.remove(key);
        tallies.put(key, new Stamp(before == null ? 1 : before.count() + 1, clock.getAsLong()));
    }

    @Override
    public synchronized void forget(String key) {
        tallies.remove(key);
    }

    /** The key's stamp, or {@code null} when it has none or has been quiet for the memory span. */
    private Stamp current(String key) {
        Stamp stamp = tallies.get(key);
        if (stamp != null && clock.getAsLong() - stamp.lastNanos() >= memoryNanos) {
            tallies.remove(key);
            return null;
        }
        return stamp;
    }
}
