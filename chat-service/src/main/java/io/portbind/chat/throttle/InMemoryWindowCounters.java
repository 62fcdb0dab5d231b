package io.portbind.chat.throttle;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

/**
 * Window counters in this process's memory. At most {@code capacity} keys are kept, the oldest window making
 * room for a new key, so that a flood of new keys costs bounded memory. Event loops share one instance; the
 * work under its lock is a map lookup.
 */
public final class InMemoryWindowCounters implements WindowCounters {

    private record Window(long count, long endNanos) {
    }

    private final Map<String, Window> windows;
    private final LongSupplier clock;

    public InMemoryWindowCounters(int capacity) {
        this(capacity, System::nanoTime);
    }

    /** @param clock  nanoseconds, such as {@link System#nanoTime} */
    InMemoryWindowCounters(int capacity, LongSupplier clock) {
        this.windows = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
                return size() > capacity;
            }
        };
        this.clock = clock;
    }

    @Override
    public synchronized CompletionStage<Long> increment(String kind, String counted, Duration window) {
        String key = kind + ":" + counted;
        long now = clock.getAsLong();
        Window current = windows.get(key);
        Window next = current == null || now - current.endNanos() >= 0
                ? new Window(1, now + window.toNanos()) : new Window(current.count() + 1, current.endNanos());
        if (current == null) {
            windows.put(key, next);
        } else {
            windows.replace(key, next);
        }
        return CompletableFuture.completedFuture(next.count());
    }
}
