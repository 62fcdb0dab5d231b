package io.portbind.kv.zsets;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Scores as Redis reads them with strtod: no NaN, no type suffix, and no value strtod calls out of range. */
final class Scores {

    private Scores() {
    }

    /**
     * A score argument (ZADD, ZINCRBY, WEIGHTS); {@code ERR value is not a valid float} otherwise. {@code -0}
     * becomes 0: a small sorted set stores scores as text in its listpack, where Redis writes -0 as "0".
     */
    static double parseScore(byte[] text) {
        if (isSmallInteger(text)) {
            return Numbers.parseLong(text);
        }
        double value = parse(text);
        if (Double.isInfinite(value) && !isInfinityWord(text) || value == 0 && hasNonZeroDigit(text)) {
            throw CommandError.NOT_FLOAT;
        }
        return value + 0.0;
    }

    /** A number strtod reads whole, overflowing to an infinity (range bounds); hexadecimal too ({@code 0x1p3}). */
    static double parse(byte[] text) {
        if (isHex(text)) {
            return parseHex(new String(text, StandardCharsets.US_ASCII));
        }
        double value = Numbers.parseDouble(text);
        if (!Double.isInfinite(value)) {
            for (byte b : text) {
                boolean letter = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z';
                if (letter && b != 'e' && b != 'E') {
                    throw CommandError.NOT_FLOAT;
                }
            }
        }
        return value;
    }

    /** Up to fifteen digits and no leading zero: exactly a double, read without going through text. */
    private static boolean isSmallInteger(byte[] text) {
        int start = text.length > 1 && text[0] == '-' ? 1 : 0;
        if (text.length == start || text.length - start > 15 || text[start] == '0' && text.length - start > 1) {
            return false;
        }
        for (int i = start; i < text.length; i++) {
            if (text[i] < '0' || text[i] > '9') {
                return false;
            }
        }
        return !(start == 1 && text[1] == '0');
    }

    private static boolean isHex(byte[] text) {
        int at = text.length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        return text.length > at + 1 && text[at] == '0' && (text[at + 1] == 'x' || text[at + 1] == 'X');
    }

    private static double parseHex(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || "x.p+-".indexOf(c) >= 0)) {
            throw CommandError.NOT_FLOAT;
        }
        try {
            return Double.parseDouble(lower.indexOf('p') >= 0 ? lower : lower + "p0");
        } catch (NumberFormatException e) {
            throw CommandError.NOT_FLOAT;
        }
    }

    private static boolean isInfinityWord(byte[] text) {
        for (byte b : text) {
            if (b == 'i' || b == 'I') {
                return true;
            }
        }
        return false;
    }

    /** Whether the mantissa has a digit other than 0: such a number that reads as 0 underflowed. */
    private static boolean hasNonZeroDigit(byte[] text) {
        for (byte b : text) {
            if (b == 'e' || b == 'E') {
                return false;
            }
            if (b >= '1' && b <= '9') {
                return true;
            }
        }
        return false;
    }
}
