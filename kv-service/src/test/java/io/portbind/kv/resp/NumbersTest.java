package io.portbind.kv.resp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void toBytesWritesDecimalTextLikeLongToString() {
        for (long value : new long[] {0, 7, -7, 10, -10, 99, 100, 123456789, -987654321, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertEquals(Long.toString(value), new String(Numbers.toBytes(value), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void toBytesRoundTripsThroughParseLong() {
        for (long value = -100_000; value <= 100_000; value += 7) {
            assertEquals(value, Numbers.parseLong(Numbers.toBytes(value)));
        }
    }
}
