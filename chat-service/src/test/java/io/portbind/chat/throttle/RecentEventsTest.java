package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tallies per key that fade with time and never hold more than so many keys. */
class RecentEventsTest {

    private long now;
    private final RecentEvents events = new RecentEvents(2, Duration.ofSeconds(10), () -> now);

    @Test
    void eventsAreCountedPerKey_untilTheKeyHasBeenQuietForTheMemorySpan() {
        events.record("a");
        events.record("a");
        events.record("b");
        assertEquals(2, count("a"));
        now += Duration.ofSeconds(10).toNanos();
        assertEquals(0, count("a"));
    }

    @Test
    void whenFull_theKeyQuietLongestMakesRoom() {
        events.record("a");
        events.record("b");
        events.record("a");
        events.record("c");
        assertEquals(2, count("a"));
        assertEquals(0, count("b"), "b was quiet longest");
        assertEquals(1, count("c"));
    }

    private int count(String key) {
        return events.tally(key).toCompletableFuture().join().count();
    }
}
