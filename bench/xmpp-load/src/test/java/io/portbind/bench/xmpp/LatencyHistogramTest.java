package io.portbind.bench.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void nothingRecordedReportsZero() {
        assertEquals(0, new LatencyHistogram().percentile(99));
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long value = 1; value <= 100; value++) {
            histogram.record(value);
        }

        assertEquals(50, histogram.percentile(50));
        assertEquals(99, histogram.percentile(99));
        assertEquals(100, histogram.percentile(100));
    }

    @Test
    void largeValuesAreReportedWithinOneSixtyFourthAbove() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long value = 1; value <= 100_000; value++) {
            histogram.record(value);
        }

        assertWithinPrecision(50_000, histogram.percentile(50));
        assertWithinPrecision(99_000, histogram.percentile(99));
        assertWithinPrecision(100_000, histogram.percentile(100));
    }

    @Test
    void everyValueFallsInABucketWhoseHighestValueIsAtLeastIt() {
        for (long value = 0; value < 1 << 20; value += 7) {
            long highest = LatencyHistogram.highestValueOf(LatencyHistogram.indexOf(value));
            assertTrue(highest >= value && highest <= value + value / 64 + 1, value + " -> " + highest);
        }
    }

    @Test
    void aFewSlowMessagesShowInTheTailOnly() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 985; i++) {
            histogram.record(1_000);
        }
        for (int i = 0; i < 15; i++) {
            histogram.record(250_000);
        }

        assertWithinPrecision(1_000, histogram.percentile(50));
        assertWithinPrecision(250_000, histogram.percentile(99));
    }

    private static void assertWithinPrecision(long expected, long actual) {
        assertTrue(actual >= expected && actual <= expected + expected / 64, "expected about " + expected
                + ", got " + actual);
    }
}
