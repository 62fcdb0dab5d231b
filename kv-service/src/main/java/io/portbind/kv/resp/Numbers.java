package io.portbind.kv.resp;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Redis's strict number parsing: integers as string2ll (no spaces, no plus sign, no leading zeros),
 * floats as strtold.
 */
public final class Numbers {

    /** Longest text of a long: a sign and nineteen digits. */
    public static final int MAX_LONG_CHARS = 20;
    /** Longest float text Redis accepts (MAX_LONG_DOUBLE_CHARS). */
    private static final int MAX_FLOAT_CHARS = 5 * 1024;
    private static final byte[] MIN_LONG_TEXT = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);

    private Numbers() {
    }

    /** The integer in {@code text}; {@link CommandError#NOT_INTEGER} when it is not one that fits a long. */
    public static long parseLong(byte[] text) {
        return parseLong(text, 0, text.length);
    }

    /** The integer in {@code text[from, to)}; {@link CommandError#NOT_INTEGER} when it is not one. */
    public static long parseLong(byte[] text, int from, int to) {
        int length = to - from;
        if (length == 0 || length > MAX_LONG_CHARS) {
            throw CommandError.NOT_INTEGER;
        }
        if (length == 1 && text[from] == '0') {
            return 0;
        }
        boolean negative = text[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || text[i] < '1' || text[i] > '9') {
            throw CommandError.NOT_INTEGER;
        }
        long value = 0;
        for (; i < to; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9 || value < Long.MIN_VALUE / 10) {
                throw CommandError.NOT_INTEGER;
            }
            value *= 10;
            if (value < Long.MIN_VALUE + digit) {
                throw CommandError.NOT_INTEGER;
            }
            value -= digit;
        }
        if (!negative && value == Long.MIN_VALUE) {
            throw CommandError.NOT_INTEGER;
        }
        return negative ? value : -value;
    }

    /** The decimal ASCII text of {@code value}, as Redis stores an integer result (INCR), without a String. */
    public static byte[] toBytes(long value) {
        if (value == Long.MIN_VALUE) {
            return MIN_LONG_TEXT.clone();
        }
        long magnitude = Math.abs(value);
        int length = value < 0 ? 2 : 1;
        for (long rest = magnitude / 10; rest > 0; rest /= 10) {
            length++;
        }
        byte[] text = new byte[length];
        int i = length;
        do {
            text[--i] = (byte) ('0' + magnitude % 10);
            magnitude /= 10;
        } while (magnitude > 0);
        if (value < 0) {
            text[0] = '-';
        }
        return text;
    }

    /**
     * A floating-point number as Redis's strtold accepts it: decimal or exponent notation, an optional
     * sign, {@code inf}/{@code infinity}; no spaces, no {@code nan}. Otherwise {@link CommandError#NOT_FLOAT}.
     */
    public static double parseDouble(byte[] text) {
        String value = floatText(text);
        String unsigned = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return value.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw CommandError.NOT_FLOAT;
        }
    }

    /** A finite number in decimal notation, exactly as written; {@link CommandError#NOT_FLOAT} otherwise. */
    public static BigDecimal parseDecimal(byte[] text) {
        try {
            return new BigDecimal(floatText(text));
        } catch (NumberFormatException e) {
            throw CommandError.NOT_FLOAT;
        }
    }

    /** The text of a would-be float, after rejecting characters strtold would not consume. */
    private static String floatText(byte[] text) {
        if (text.length == 0 || text.length > MAX_FLOAT_CHARS) {
            throw CommandError.NOT_FLOAT;
        }
        for (byte b : text) {
            boolean allowed = b >= '0' && b <= '9' || b == '.' || b == 'e' || b == 'E' || b == '-' || b == '+'
                    || "infityINFITY".indexOf(b) >= 0;
            if (!allowed) {
                throw CommandError.NOT_FLOAT;
            }
        }
        return new String(text, StandardCharsets.US_ASCII);
    }
}
