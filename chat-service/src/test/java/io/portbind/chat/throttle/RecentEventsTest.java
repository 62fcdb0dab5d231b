package io.portbind.chat.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Tallies per key that fade with time and never hold more than so many keys. */
class RecentEventsTest {

    private long now;
    private final RecentEvents<String> events = new RecentEvents<>(2, Duration.ofSeconds(10), () -> now);

    @Test
    void eventsAreCountedPerKey_untilTheKeyHasBeenQuietForTheMemorySpan() {
        events.record("a");
        events.record("a");
        events.record("b");
        assertEquals(2, events.tally("a").count());
        now += Duration.ofSeconds(10).toNanos();
        assertEquals(0, events.tally("a").count());
    }

    @Test
    void whenFull_theKeyQuietLongestMakesRoom() {
        events.record("a");
        events.record("b");
        events.record("a");
        events.record("c");
        assertEquals(2, events.tally("a").count());
        assertEquals(0, events.tally("b").count(), "b was quiet longest");
        assertEquals(1, events.tally("c").count());
    }
}
