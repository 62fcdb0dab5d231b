package io.portbind.kv.bitmaps;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/**
 * BITCOUNT and BITPOS: scans of a range of a string, given in bytes (the default) or, with BIT, in bits; negative
 * indexes count from the end and the range is clamped to the string, as in Redis.
 */
final class BitScans {

    private static final CommandError BAD_BIT_ARGUMENT = new CommandError("ERR The bit argument must be 1 or 0.");

    private BitScans() {
    }

    /** BITCOUNT key [start end [BYTE|BIT]]: a missing key counts 0 whatever the other arguments are. */
    static void count(Call call) {
        byte[] value = call.db().getString(call.arg(1));
        if (value == null) {
            call.reply().integer(0);
            return;
        }
        long fromBit = 0;
        long toBit = (long) value.length * 8 - 1;
        if (call.argCount() == 4 || call.argCount() == 5) {
            long start = call.longArg(2);
            long end = call.longArg(3);
            if (start < 0 && end < 0 && start > end) {
                call.reply().integer(0);
                return;
            }
            boolean inBits = call.argCount() == 5 && unitIsBit(call, 4);
            long[] range = clamp(start, end, value.length, inBits);
            fromBit = range[0];
            toBit = range[1];
        } else if (call.argCount() != 2) {
            throw CommandError.SYNTAX;
        }
        call.reply().integer(fromBit > toBit ? 0 : BitArrays.count(value, fromBit, toBit));
    }

    /**
     * BITPOS key bit [start [end [BYTE|BIT]]]: the first bit set (or clear) in the range, or -1. Looking for a
     * clear bit without an end treats the string as followed by zeros, so the answer may be the first bit past it.
     */
    static void position(Call call) {
        long bit = call.longArg(2);
        if (bit != 0 && bit != 1) {
            throw BAD_BIT_ARGUMENT;
        }
        byte[] value = call.db().getString(call.arg(1));
        if (value == null) {
            call.reply().integer(bit == 1 ? -1 : 0);
            return;
        }
        int argc = call.argCount();
        long fromBit = 0;
        long toBit = (long) value.length * 8 - 1;
        boolean endGiven = argc >= 5;
        if (argc >= 4 && argc <= 6) {
            long start = call.longArg(3);
            boolean inBits = argc == 6 && unitIsBit(call, 5);
            long end = endGiven ? call.longArg(4) : Long.MAX_VALUE;
            long[] range = clamp(start, end, value.length, inBits);
            fromBit = range[0];
            toBit = range[1];
        } else if (argc != 3) {
            throw CommandError.SYNTAX;
        }
        if (fromBit > toBit) {
            call.reply().integer(-1);
            return;
        }
        long found = BitArrays.find(value, fromBit, toBit, bit == 1);
        if (found < 0 && bit == 0 && !endGiven) {
            found = toBit + 1;
        }
        call.reply().integer(found);
    }

    private static boolean unitIsBit(Call call, int index) {
        if (call.is(index, "bit")) {
            return true;
        }
        if (call.is(index, "byte")) {
            return false;
        }
        throw CommandError.SYNTAX;
    }

    /**
     * The inclusive bit range {@code [start, end]} covers in a string of {@code length} bytes, with start and
     * end in bits or bytes, negative ones from the end, both clamped into the string (the result is empty, first
     * above last, when nothing is left).
     */
    private static long[] clamp(long start, long end, long length, boolean inBits) {
        long total = inBits ? length * 8 : length;
        start = Math.max(0, start < 0 ? total + start : start);
        end = Math.max(0, end < 0 ? total + end : end);
        end = Math.min(end, total - 1);
        if (start > end) {
            return new long[] {1, 0};
        }
        return inBits ? new long[] {start, end} : new long[] {start * 8, end * 8 + 7};
    }
}
