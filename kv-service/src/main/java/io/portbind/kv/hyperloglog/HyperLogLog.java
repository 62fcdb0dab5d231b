package io.portbind.kv.hyperloglog;

import java.util.Arrays;

/**
 * A working copy of an HLL string, byte for byte Redis's: the header {@code "HYLL"}, an encoding byte (0 dense,
 * 1 sparse), three unused bytes and the cached cardinality (8 bytes little-endian, its top bit set when stale),
 * then the registers, dense ({@link Registers}) or sparse ({@link Sparse}). Strings are never changed in place,
 * so a command changes a copy and stores {@link #bytes()}.
 */
final class HyperLogLog {

    static final int HEADER = 16;
    static final int DENSE_SIZE = HEADER + Registers.DENSE_BYTES;
    static final byte DENSE = 0;
    static final byte SPARSE = 1;
    private static final byte[] MAGIC = {'H', 'Y', 'L', 'L'};

    /** The data; sparse registers may grow it, {@code length} bytes of it are the value. */
    byte[] data;
    int length;

    private HyperLogLog(byte[] data, int length) {
        this.data = data;
        this.length = length;
    }

    /** An empty HLL as PFADD creates it: sparse, all registers in XZERO runs, cached cardinality 0. */
    static HyperLogLog empty() {
        byte[] data = new byte[HEADER + 2];
        System.arraycopy(MAGIC, 0, data, 0, MAGIC.length);
        data[4] = SPARSE;
        Sparse.writeZeros(data, HEADER, Registers.COUNT);
        return new HyperLogLog(data, data.length);
    }

    /** A working copy of a value {@link #isValid} accepted. */
    static HyperLogLog copyOf(byte[] value) {
        return new HyperLogLog(value.clone(), value.length);
    }

    /**
     * Whether a string may be used as an HLL (Redis's {@code isHLLObjectOrReply}): the magic, a known encoding,
     * and the exact size when dense. A sparse body that does not add up is found later, as a corrupted HLL.
     */
    static boolean isValid(byte[] value) {
        return value.length >= HEADER && Arrays.equals(value, 0, 4, MAGIC, 0, 4)
                && (value[4] == SPARSE || value[4] == DENSE && value.length == DENSE_SIZE);
    }

    byte[] bytes() {
        return length == data.length ? data : Arrays.copyOf(data, length);
    }

    boolean isDense() {
        return data[4] == DENSE;
    }

    /**
     * Adds one element: 1 when a register grew, 0 when none did, -1 when the sparse registers are corrupted.
     * The cached cardinality goes stale when a register grew.
     */
    int add(byte[] element, long sparseMaxBytes) {
        int pattern = Registers.pattern(element);
        return raise(pattern >>> 8, pattern & 0xff, sparseMaxBytes);
    }

    /** Raises register {@code index} to {@code value} if lower; as {@link #add}. */
    int raise(int index, int value, long sparseMaxBytes) {
        if (isDense()) {
            return raiseDense(index, value);
        }
        int result = Sparse.raise(this, index, value, sparseMaxBytes);
        if (result == Sparse.PROMOTE) {
            if (!toDense()) {
                return -1;
            }
            return raiseDense(index, value);
        }
        return result;
    }

    private int raiseDense(int index, int value) {
        if (Registers.get(data, HEADER, index) >= value) {
            return 0;
        }
        Registers.set(data, HEADER, index, value);
        invalidateCache();
        return 1;
    }

    /** Converts sparse registers to dense (a no-op when dense); false when they are corrupted. */
    boolean toDense() {
        if (isDense()) {
            return true;
        }
        byte[] dense = new byte[DENSE_SIZE];
        System.arraycopy(data, 0, dense, 0, HEADER);
        dense[4] = DENSE;
        boolean valid = Sparse.forEachRun(data, length, (first, count, value) -> {
            for (int i = first; i < first + count; i++) {
                Registers.set(dense, HEADER, i, value);
            }
        });
        if (!valid) {
            return false;
        }
        data = dense;
        length = dense.length;
        return true;
    }

    /** Raises each of {@code max}'s registers to this HLL's; false when the sparse registers are corrupted. */
    boolean mergeInto(byte[] max) {
        if (isDense()) {
            for (int i = 0; i < Registers.COUNT; i++) {
                max[i] = (byte) Math.max(max[i], Registers.get(data, HEADER, i));
            }
            return true;
        }
        return Sparse.forEachRun(data, length, (first, count, value) -> {
            for (int i = first; i < first + count; i++) {
                max[i] = (byte) Math.max(max[i], value);
            }
        });
    }

    /** The histogram of register values, or null when the sparse registers do not cover exactly 2^14. */
    int[] histogram() {
        int[] histogram = new int[64];
        if (isDense()) {
            for (int i = 0; i < Registers.COUNT; i++) {
                histogram[Registers.get(data, HEADER, i)]++;
            }
            return histogram;
        }
        histogram[0] = Registers.COUNT;
        boolean valid = Sparse.forEachRun(data, length, (first, count, value) -> {
            histogram[value] += count;
            histogram[0] -= count;
        });
        return valid ? histogram : null;
    }

    boolean cacheValid() {
        return (data[15] & 0x80) == 0;
    }

    long cachedCardinality() {
        long card = 0;
        for (int i = 15; i >= 8; i--) {
            card = card << 8 | (data[i] & 0xff);
        }
        return card;
    }

    void cacheCardinality(long card) {
        for (int i = 8; i < 16; i++) {
            data[i] = (byte) (card >>> (8 * (i - 8)));
        }
    }

    void invalidateCache() {
        data[15] |= (byte) 0x80;
    }
}
