package io.portbind.kv.commands;

import io.portbind.kv.CommandError;
import io.portbind.kv.GlobPattern;
import io.portbind.kv.command.Call;

/** The arguments of SSCAN and ZSCAN: {@code key cursor [MATCH pattern] [COUNT count]}. */
record ScanArguments(long cursor, byte[] pattern, long count) {

    private static final CommandError INVALID_CURSOR = new CommandError("ERR invalid cursor");
    private static final long DEFAULT_COUNT = 10;

    /** The cursor at argument 2 as strtoul reads it (a sign allowed, "-1" wraps), checked before the key. */
    static long cursor(Call call) {
        String text = call.text(2);
        boolean negative = text.startsWith("-");
        String digits = negative || text.startsWith("+") ? text.substring(1) : text;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw INVALID_CURSOR;
        }
        try {
            long value = Long.parseUnsignedLong(digits);
            return negative ? -value : value;
        } catch (NumberFormatException outOfRange) {
            throw INVALID_CURSOR;
        }
    }

    /** The options after the cursor; {@code cursor} was read by {@link #cursor}. */
    static ScanArguments parse(Call call, long cursor) {
        byte[] pattern = null;
        long count = DEFAULT_COUNT;
        for (int i = 3; i < call.argCount(); i += 2) {
            if (i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            if (call.is(i, "count")) {
                count = call.longArg(i + 1);
                if (count < 1) {
                    throw CommandError.SYNTAX;
                }
            } else if (call.is(i, "match")) {
                pattern = call.arg(i + 1);
            } else {
                throw CommandError.SYNTAX;
            }
        }
        return new ScanArguments(cursor, pattern, count);
    }

    boolean matches(byte[] member) {
        return pattern == null || GlobPattern.matches(pattern, member, false);
    }

    /** Writes {@code [cursor, [elements...]]}: the cursor as a bulk string, as Redis sends it. */
    static void replyHeader(Call call, long nextCursor, int elements) {
        call.reply().array(2);
        call.reply().bulk(Long.toUnsignedString(nextCursor));
        call.reply().array(elements);
    }
}
