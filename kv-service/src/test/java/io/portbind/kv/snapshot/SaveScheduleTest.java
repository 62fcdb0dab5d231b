package io.portbind.kv.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The save parameter read and written as redis-server 7.0.15 does (CONFIG SET save, and its errors). */
class SaveScheduleTest {

    @Test
    void acceptsWhatRedisAccepts() {
        assertEquals("3600 1 300 100 60 10000", parse(SaveSchedule.REDIS_DEFAULT));
        assertEquals("", parse(""));
        assertEquals("900 0", parse("+900 0"));
        assertEquals("1 2 3 4 5 6 7 8", parse("1 2 3 4 5 6 7 8"));
    }

    @Test
    void refusesWhatRedisRefuses() {
        for (String bad : List.of("900", "0 1", "900 -1", "900 1x", "900  1", "  10   20  ", "abc 1", " ")) {
            assertEquals(Optional.empty(), SaveSchedule.parse(bad), bad);
        }
    }

    @Test
    void aPointIsDueWithEnoughChangesAfterMoreThanItsSeconds() {
        SaveSchedule schedule = SaveSchedule.parse("3600 1 60 10000").orElseThrow();
        assertTrue(schedule.due(0, 7200).isEmpty());
        assertTrue(schedule.due(1, 3600).isEmpty(), "more than 3600 seconds, as Redis compares");
        assertEquals(3600, schedule.due(1, 3601).orElseThrow().seconds());
        assertEquals(60, schedule.due(10_000, 61).orElseThrow().seconds());
    }

    private static String parse(String text) {
        return SaveSchedule.parse(text).orElseThrow().toString();
    }
}
