package io.portbind.kv.resp;

import java.util.Locale;

/**
 * A memory size as Redis's {@code memtoull} reads it: decimal digits and an optional unit, {@code b}, {@code k}
 * (1000), {@code kb} (1024), {@code m}, {@code mb}, {@code g}, {@code gb}, in any case. As in Redis the result is
 * an unsigned 64-bit number: digits past its range saturate, and the unit's product wraps around.
 */
public final class MemoryValue {

    /** The longest digit string memtoull copies into its buffer. */
    private static final int MAX_DIGITS = 127;

    private MemoryValue() {
    }

    /** The bytes {@code text} names, unsigned; throws {@link IllegalArgumentException} when it names none. */
    public static long parse(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits > MAX_DIGITS) {
            throw new IllegalArgumentException("too many digits");
        }
        long unit = unit(text.substring(digits).toLowerCase(Locale.ROOT));
        long value = 0;
        for (int i = 0; i < digits; i++) {
            int digit = text.charAt(i) - '0';
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, 10)) > 0) {
                value = -1L; // strtoull saturates at ULLONG_MAX
                break;
            }
            value = value * 10 + digit;
        }
        return value * unit;
    }

    private static long unit(String suffix) {
        switch (suffix) {
            case "":
            case "b":
                return 1;
            case "k":
                return 1000;
            case "kb":
                return 1024;
            case "m":
                return 1000 * 1000;
            case "mb":
                return 1024 * 1024;
            case "g":
                return 1000L * 1000 * 1000;
            case "gb":
                return 1024L * 1024 * 1024;
            default:
                throw new IllegalArgumentException("unknown unit '" + suffix + "'");
        }
    }
}
