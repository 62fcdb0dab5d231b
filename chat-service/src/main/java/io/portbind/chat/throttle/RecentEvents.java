package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many events each key (a client network, an account name) had lately. A key is forgotten once it
 * has been quiet for the memory span, and at most {@code capacity} keys are kept, the one quiet longest
 * making room for a new one: a flood of new keys costs bounded memory. Event loops share one instance,
 * so every method locks it; the work done under the lock is a map lookup.
 */
final class RecentEvents<K> {

    /**
     * @param count      events since the key was last forgotten
     * @param lastNanos  when the latest happened, on the clock's scale
     */
    record Tally(int count, long lastNanos) {
    }

    private static final Tally NONE = new Tally(0, 0);

    private final Map<K, Tally> tallies;
    private final long memoryNanos;
    private final LongSupplier clock;

    /** @param clock  nanoseconds, such as {@link System#nanoTime} */
    RecentEvents(int capacity, Duration memory, LongSupplier clock) {
        // Insertion order, and every event re-inserts its key: the eldest entry is the one quiet longest.
        this.tallies = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Tally> eldest) {
                return size() > capacity;
            }
        };
        this.memoryNanos = memory.toNanos();
        this.clock = clock;
    }

    synchronized Tally tally(K key) {
        Tally tally = tallies.get(key);
        if (tally == null) {
            return NONE;
        }
        if (clock.getAsLong() - tally.lastNanos() >= memoryNanos) {
            tallies.remove(key);
            return NONE;
        }
        return tally;
    }

    /** Counts one more event for {@code key}, now. */
    synchronized Tally record(K key) {
        Tally recorded = new Tally(tally(key).count() + 1, clock.getAsLong());
        tallies.remove(key);
        tallies.put(key, recorded);
        return recorded;
    }

    synchronized void forget(K key) {
        tallies.remove(key);
    }
}
