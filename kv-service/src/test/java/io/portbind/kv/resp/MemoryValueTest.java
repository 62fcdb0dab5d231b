package io.portbind.kv.resp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Memory sizes read as Redis's memtoull reads them (the CONFIG SET cases are in compat/eviction.txt). */
class MemoryValueTest {

    @Test
    void unitsAreDecimalOrBinaryInAnyCase() {
        assertEquals(0, MemoryValue.parse("0"));
        assertEquals(1, MemoryValue.parse("1b"));
        assertEquals(10_000, MemoryValue.parse("10k"));
        assertEquals(10_240, MemoryValue.parse("10KB"));
        assertEquals(100L << 20, MemoryValue.parse("100mb"));
        assertEquals(1_000_000_000, MemoryValue.parse("1g"));
        assertEquals(1L << 30, MemoryValue.parse("1Gb"));
    }

    @Test
    void digitsSaturateAndUnitsWrapAsInRedis() {
        assertEquals(-1L, MemoryValue.parse("18446744073709551615"));
        assertEquals(-1L, MemoryValue.parse("99999999999999999999"));
        assertEquals(0, MemoryValue.parse("17179869184gb"));
        assertEquals(0, MemoryValue.parse(""));
        assertEquals(0, MemoryValue.parse("k"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"-1", "1.5mb", "abc", "1tb", " 1", "+1", "1 k"}) {
            assertThrows(IllegalArgumentException.class, () -> MemoryValue.parse(bad), bad);
        }
    }
}
