package io.portbind.kv.hyperloglog;

/**
 * Redis's HyperLogLog geometry and its dense layout: 2^14 registers of 6 bits, packed least significant bit
 * first from the byte after the 16-byte header, and how an element picks its register and value.
 */
final class Registers {

    static final int P = 14;
    static final int Q = 64 - P;
    static final int COUNT = 1 << P;
    static final int BITS = 6;
    static final int MAX_VALUE = (1 << BITS) - 1;
    static final int DENSE_BYTES = (COUNT * BITS + 7) / 8;

    private static final long SEED = 0xadc83b19L;

    private Registers() {
    }

    /**
     * The register {@code element} updates (the hash's low 14 bits) and the value it offers: one more than the
     * number of zeros above them, capped at Q + 1 (Redis's {@code hllPatLen}). Returned as index << 8 | value.
     */
    static int pattern(byte[] element) {
        long hash = MurmurHash64A.hash(element, SEED);
        int index = (int) (hash & (COUNT - 1));
        long rest = hash >>> P | 1L << Q;
        return index << 8 | Long.numberOfTrailingZeros(rest) + 1;
    }

    /** Register {@code index} of the dense registers that start at {@code from} in {@code data}. */
    static int get(byte[] data, int from, int index) {
        int bit = index * BITS;
        int at = from + (bit >>> 3);
        int shift = bit & 7;
        int low = data[at] & 0xff;
        int high = at + 1 < data.length ? data[at + 1] & 0xff : 0;
        return (low >>> shift | high << (8 - shift)) & MAX_VALUE;
    }

    static void set(byte[] data, int from, int index, int value) {
        int bit = index * BITS;
        int at = from + (bit >>> 3);
        int shift = bit & 7;
        data[at] = (byte) (data[at] & ~(MAX_VALUE << shift) | value << shift);
        if (shift > 8 - BITS) {
            data[at + 1] = (byte) (data[at + 1] & ~(MAX_VALUE >>> (8 - shift)) | value >>> (8 - shift));
        }
    }
}
