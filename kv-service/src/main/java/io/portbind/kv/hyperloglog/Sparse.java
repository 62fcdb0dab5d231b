package io.portbind.kv.hyperloglog;

/**
 * Redis's sparse register encoding: runs of registers after the header, as opcodes. ZERO {@code 00xxxxxx} is 1 to
 * 64 zero registers, XZERO {@code 01xxxxxx yyyyyyyy} 1 to 16384, VAL {@code 1vvvvvxx} 1 to 4 registers holding
 * 1 to 32. Updates split and merge opcodes exactly as {@code hllSparseSet} does, so the bytes are Redis's.
 */
final class Sparse {

    /** What {@link #raise} returns when the HLL must become dense first. */
    static final int PROMOTE = 2;

    private static final int VAL_MAX_VALUE = 32;
    private static final int VAL_MAX_LEN = 4;
    private static final int ZERO_MAX_LEN = 64;
    private static final int XZERO_MAX_LEN = 16384;

    /** Receives each VAL run: registers first..first+count-1 hold value. */
    interface RunAction {
        void run(int first, int count, int value);
    }

    private Sparse() {
    }

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXZero(int op) {
        return (op & 0xc0) == 0x40;
    }

    static int zeroLength(int op) {
        return (op & 0x3f) + 1;
    }

    static int xzeroLength(byte[] data, int at, int length) {
        int low = at + 1 < length ? data[at + 1] & 0xff : 0;
        return ((data[at] & 0x3f) << 8 | low) + 1;
    }

    static int valValue(int op) {
        return (op >>> 2 & 0x1f) + 1;
    }

    static int valLength(int op) {
        return (op & 0x3) + 1;
    }

    private static byte val(int value, int length) {
        return (byte) ((value - 1) << 2 | (length - 1) | 0x80);
    }

    /** Writes XZERO opcodes for {@code count} zero registers at {@code at}; returns the bytes written. */
    static int writeZeros(byte[] data, int at, int count) {
        int start = at;
        while (count > 0) {
            int run = Math.min(count, XZERO_MAX_LEN);
            data[at++] = (byte) ((run - 1) >>> 8 | 0x40);
            data[at++] = (byte) (run - 1);
            count -= run;
        }
        return at - start;
    }

    /** A run of zeros of {@code count} (at most 16384) as ZERO or XZERO at {@code at}; returns the bytes written. */
    private static int writeZeroRun(byte[] data, int at, int count) {
        if (count > ZERO_MAX_LEN) {
            return writeZeros(data, at, count);
        }
        data[at] = (byte) (count - 1);
        return 1;
    }

    /**
     * Raises register {@code index} to {@code value} in the sparse HLL: 1 when changed, 0 when it already held as
     * much, -1 when the opcodes are corrupted, {@link #PROMOTE} when the value or the grown size (above
     * {@code maxBytes}, header included) needs the dense encoding.
     */
    static int raise(HyperLogLog hll, int index, int value, long maxBytes) {
        if (value > VAL_MAX_VALUE) {
            return PROMOTE;
        }
        byte[] data = hll.data;
        int end = hll.length;
        int p = HyperLogLog.HEADER;
        int first = 0;
        int span = 0;
        int prev = -1;
        while (p < end) {
            int op = data[p] & 0xff;
            int opLength = 1;
            if (isZero(op)) {
                span = zeroLength(op);
            } else if (!isXZero(op)) {
                span = valLength(op);
            } else {
                span = xzeroLength(data, p, end);
                opLength = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += opLength;
            first += span;
        }
        if (span == 0 || p >= end) {
            return -1;
        }
        int op = data[p] & 0xff;
        int next = isXZero(op) ? p + 2 : p + 1;
        boolean zero = isZero(op);
        boolean xzero = isXZero(op);
        int runLength = zero ? zeroLength(op) : xzero ? xzeroLength(data, p, end) : valLength(op);
        if (!zero && !xzero) {
            if (valValue(op) >= value) {
                return 0;
            }
            if (runLength == 1) {
                data[p] = val(value, 1);
                return merged(hll, prev, end);
            }
        }
        if (zero && runLength == 1) {
            data[p] = val(value, 1);
            return merged(hll, prev, end);
        }
        byte[] sequence = new byte[5];
        int n = 0;
        int last = first + span - 1;
        if (zero || xzero) {
            if (index != first) {
                n += writeZeroRun(sequence, n, index - first);
            }
            sequence[n++] = val(value, 1);
            if (index != last) {
                n += writeZeroRun(sequence, n, last - index);
            }
        } else {
            int current = valValue(op);
            if (index != first) {
                sequence[n++] = val(current, index - first);
            }
            sequence[n++] = val(value, 1);
            if (index != last) {
                sequence[n++] = val(current, last - index);
            }
        }
        int delta = n - (xzero ? 2 : 1);
        if (delta > 0 && (long) hll.length + delta > maxBytes) {
            return PROMOTE;
        }
        if (end + delta > data.length) {
            data = java.util.Arrays.copyOf(data, Math.max(end + delta, end + end / 4));
            hll.data = data;
        }
        if (delta != 0 && next < end) {
            System.arraycopy(data, next, data, next + delta, end - next);
        }
        System.arraycopy(sequence, 0, data, p, n);
        end += delta;
        hll.length = end;
        return merged(hll, prev, end);
    }

    /**
     * Merges adjacent VAL opcodes of equal value whose lengths fit one opcode, scanning at most five steps from
     * the opcode before the change, as Redis does; then marks the cache stale. Returns 1.
     */
    private static int merged(HyperLogLog hll, int prev, int end) {
        byte[] data = hll.data;
        int p = prev >= 0 ? prev : HyperLogLog.HEADER;
        int steps = 5;
        while (p < end && steps-- > 0) {
            int op = data[p] & 0xff;
            if (isXZero(op)) {
                p += 2;
                continue;
            }
            if (isZero(op)) {
                p++;
                continue;
            }
            if (p + 1 < end && (data[p + 1] & 0x80) != 0) {
                int right = data[p + 1] & 0xff;
                int length = valLength(op) + valLength(right);
                if (valValue(op) == valValue(right) && length <= VAL_MAX_LEN) {
                    data[p + 1] = val(valValue(op), length);
                    System.arraycopy(data, p + 1, data, p, end - p - 1);
                    end--;
                    continue;
                }
            }
            p++;
        }
        hll.length = end;
        hll.invalidateCache();
        return 1;
    }

    /**
     * Calls {@code action} for each VAL run in order; true when the runs cover exactly the 2^14 registers. A run
     * that would pass the last register stops the walk as corrupted, as in redis-server 7.0.15 as Debian ships it
     * (with the fix for CVE-2025-32023).
     */
    static boolean forEachRun(byte[] data, int length, RunAction action) {
        int index = 0;
        int p = HyperLogLog.HEADER;
        while (p < length) {
            int op = data[p] & 0xff;
            int run = isZero(op) ? zeroLength(op) : isXZero(op) ? xzeroLength(data, p, length) : valLength(op);
            if (index + run > Registers.COUNT) {
                return false;
            }
            if (!isZero(op) && !isXZero(op)) {
                action.run(index, run, valValue(op));
            }
            index += run;
            p += isXZero(op) ? 2 : 1;
        }
        return index == Registers.COUNT;
    }
}
