package io.portbind.kv.keys;

import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/**
 * The arguments of the SCAN family: {@code [key] cursor [MATCH pattern] [COUNT count]}, and {@code [TYPE type]}
 * for SCAN itself. Redis reads the cursor first, then looks the key up, then the options: a missing key
 * answers an empty page whatever the options say, so callers parse in that order too.
 */
public record ScanArguments(byte[] pattern, long count, String type) {

    private static final CommandError INVALID_CURSOR = new CommandError("ERR invalid cursor");
    private static final long DEFAULT_COUNT = 10;

    /**
     * The cursor at argument {@code index} as strtoul reads it: a sign allowed ("-1" wraps), at most 64 bits,
     * and the empty string is 0.
     */
    public static long cursor(Call call, int index) {
        String text = call.text(index);
        if (text.isEmpty()) {
            return 0;
        }
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

    /** The options from argument {@code first} on; TYPE only when the {@code scope} is the keyspace (SCAN). */
    static ScanArguments parse(Call call, int first, ScanScope scope) {
        byte[] pattern = null;
        long count = DEFAULT_COUNT;
        String type = null;
        for (int i = first; i < call.argCount(); i += 2) {
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
            } else if (scope == ScanScope.KEYSPACE && call.is(i, "type")) {
                type = call.text(i + 1);
            } else {
                throw CommandError.SYNTAX;
            }
        }
        return new ScanArguments(pattern, count, type);
    }

    /** The options of SSCAN, HSCAN and ZSCAN, after {@code key cursor}. */
    public static ScanArguments parseForKey(Call call) {
        return parse(call, 3, ScanScope.ONE_VALUE);
    }

    public boolean matches(byte[] element) {
        return pattern == null || GlobPattern.matches(pattern, element, GlobPattern.Case.SENSITIVE);
    }

    /** Whether a value passes the TYPE filter: Redis 7.0 compares type names ignoring case; unknown ones match none. */
    boolean hasType(Object value) {
        return type == null || ValueType.of(value).typeName().equalsIgnoreCase(type);
    }

    /** Writes {@code [cursor, [elements...]]}: the cursor as a bulk string, as Redis sends it. */
    public static void replyHeader(Call call, long nextCursor, int elements) {
        call.reply().array(2);
        call.reply().bulk(Long.toUnsignedString(nextCursor));
        call.reply().array(elements);
    }
}
