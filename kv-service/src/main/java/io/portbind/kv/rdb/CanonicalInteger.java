package io.portbind.kv.rdb;

import java.nio.charset.StandardCharsets;

/**
 * Redis's test for "this string is an integer" in its compact encodings ({@code string2ll} as used by
 * {@code rdbTryIntegerEncoding}, {@code lpStringToInt64}, intsets): a 64-bit integer written exactly as Redis would
 * print it, so no sign {@code +}, no leading zeros, no {@code -0}, no spaces. Only such strings may be stored as
 * numbers, since reading them back must give the same bytes.
 */
final class CanonicalInteger {

    private static final int MAX_CHARS = 20;

    private CanonicalInteger() {
    }

    /** Whether {@code text} is a canonical integer; {@link #parse} then gives its value. */
    static boolean test(byte[] text) {
        int length = text.length;
        if (length == 0 || length > MAX_CHARS) {
            return false;
        }
        int start = text[0] == '-' ? 1 : 0;
        if (start == length || text[start] == '0' && length > 1) {
            return false; // "-", leading zeros, "-0"; a lone "0" is fine
        }
        for (int i = start; i < length; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        if (length < 19) {
            return true;
        }
        try {
            Long.parseLong(new String(text, StandardCharsets.US_ASCII));
            return true;
        } catch (NumberFormatException outOfRange) {
            return false;
        }
    }

    /** The value of a string {@link #test} accepted. */
    static long parse(byte[] text) {
        boolean negative = text[0] == '-';
        long value = 0;
        for (int i = negative ? 1 : 0; i < text.length; i++) {
            value = value * 10 - (text[i] - '0'); // accumulate negatively so that Long.MIN_VALUE fits
        }
        return negative ? value : -value;
    }

    /** The canonical text of {@code value}. */
    static byte[] text(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
