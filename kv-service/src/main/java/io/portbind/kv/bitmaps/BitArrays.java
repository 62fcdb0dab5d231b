package io.portbind.kv.bitmaps;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A string seen as an array of bits, Redis's way: bit 0 is the most significant bit of byte 0, and bits past the
 * end of the string read as 0. Offsets are in bits, ranges inclusive.
 */
final class BitArrays {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.BIG_ENDIAN);

    private BitArrays() {
    }

    /** A copy of {@code value} (empty when null) long enough to hold bit {@code lastBit}, zero-padded. */
    static byte[] writableCopy(byte[] value, long lastBit) {
        int needed = (int) (lastBit >>> 3) + 1;
        if (value == null) {
            return new byte[needed];
        }
        return Arrays.copyOf(value, Math.max(value.length, needed));
    }

    static boolean get(byte[] value, long bit) {
        long index = bit >>> 3;
        return index < value.length && (value[(int) index] & (0x80 >>> (bit & 7))) != 0;
    }

    static void set(byte[] value, long bit, boolean on) {
        int index = (int) (bit >>> 3);
        int mask = 0x80 >>> (bit & 7);
        value[index] = (byte) (on ? value[index] | mask : value[index] & ~mask);
    }

    /** The {@code bits} bits from {@code offset} as an unsigned number, most significant first. */
    static long field(byte[] value, long offset, int bits) {
        long result = 0;
        for (int i = 0; i < bits; i++) {
            result = result << 1 | (get(value, offset + i) ? 1 : 0);
        }
        return result;
    }

    /** Writes the low {@code bits} bits of {@code field} from {@code offset}, most significant first. */
    static void setField(byte[] value, long offset, int bits, long field) {
        for (int i = 0; i < bits; i++) {
            set(value, offset + i, (field >>> (bits - 1 - i) & 1) != 0);
        }
    }

    /** The number of set bits in {@code [from, to]}, both inside the string. */
    static long count(byte[] value, long from, long to) {
        long count = 0;
        long bit = from;
        while (bit <= to && (bit & 7) != 0) {
            count += get(value, bit++) ? 1 : 0;
        }
        int index = (int) (bit >>> 3);
        int lastWhole = (int) ((to + 1) >>> 3); // bytes [index, lastWhole) lie wholly in the range
        for (; index + Long.BYTES <= lastWhole; index += Long.BYTES) {
            count += Long.bitCount((long) LONGS.get(value, index));
        }
        for (; index < lastWhole; index++) {
            count += Integer.bitCount(value[index] & 0xff);
        }
        for (bit = Math.max(bit, (long) lastWhole << 3); bit <= to; bit++) {
            count += get(value, bit) ? 1 : 0;
        }
        return count;
    }

    /** The first bit in {@code [from, to]} (inside the string) equal to {@code on}, or -1. */
    static long find(byte[] value, long from, long to, boolean on) {
        byte skip = on ? 0 : (byte) 0xff;
        long bit = from;
        while (bit <= to) {
            if ((bit & 7) == 0 && bit + 7 <= to && value[(int) (bit >>> 3)] == skip) {
                bit += 8;
            } else if (get(value, bit) == on) {
                return bit;
            } else {
                bit++;
            }
        }
        return -1;
    }
}
