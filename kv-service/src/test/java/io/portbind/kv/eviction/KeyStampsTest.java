package io.portbind.kv.eviction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Access stamps to and from idle seconds and LFU counters, wraps of the clocks included. */
class KeyStampsTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void idleSecondsSurviveTheRoundTrip() {
        assertEquals(0, KeyStamps.idleSeconds(KeyStamps.fromIdleSeconds(0, NOW), NOW));
        assertEquals(3_600, KeyStamps.idleSeconds(KeyStamps.fromIdleSeconds(3_600, NOW), NOW));
        // The 24-bit clock wraps every 194 days; across the wrap Redis's estimateObjectIdleTime counts from
        // LRU_CLOCK_MAX (2^24 - 1), one tick short, and so does this.
        long justAfterWrap = (1L << 24) * 1000 + 5_000;
        assertEquals(9, KeyStamps.idleSeconds(KeyStamps.fromIdleSeconds(10, justAfterWrap), justAfterWrap));
    }

    @Test
    void frequenciesDecayOnePerDecayPeriod() {
        int stamp = KeyStamps.fromFrequency(20, NOW);
        assertEquals(20, KeyStamps.frequency(stamp, NOW, 1));
        assertEquals(17, KeyStamps.frequency(stamp, NOW + 3 * 60_000, 1));
        assertEquals(19, KeyStamps.frequency(stamp, NOW + 3 * 60_000, 2));
        assertEquals(20, KeyStamps.frequency(stamp, NOW + 3 * 60_000, 0), "lfu-decay-time 0 never decays");
        assertEquals(0, KeyStamps.frequency(stamp, NOW + 60 * 60_000, 1));
        assertEquals(255, KeyStamps.frequency(KeyStamps.fromFrequency(1_000, NOW), NOW, 1));
    }
}
