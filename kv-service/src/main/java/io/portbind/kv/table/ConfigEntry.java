package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.MemoryValue;
import io.portbind.kv.resp.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A configuration parameter a feature adds to CONFIG GET and CONFIG SET (the AOF's {@code appendonly},
 * {@code appendfsync}, ...), so that the config feature need not know the feature.
 *
 * @param name   the parameter's name, lower case
 * @param value  its value as CONFIG GET shows it
 * @param setter how CONFIG SET changes it, or null when it is immutable
 */
public record ConfigEntry(String name, Supplier<String> value, Setter setter) {

    /** A boolean parameter as CONFIG SET takes it, with Redis's reason for anything but {@code yes} or {@code no}. */
    public static boolean yesOrNo(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
                return true;
            case "no":
                return false;
            default:
                throw new CommandError("argument must be 'yes' or 'no'");
        }
    }

    /** A size_t parameter as Redis reads one: a memory value ({@code 64}, {@code 1kb}) from 0 to LONG_MAX. */
    public static long sizeInBytes(String value) {
        long bytes;
        try {
            bytes = MemoryValue.parse(value);
        } catch (IllegalArgumentException notMemory) {
            throw new CommandError("argument must be a memory value");
        }
        if (bytes < 0) {
            throw new CommandError(outside(0, Long.MAX_VALUE));
        }
        return bytes;
    }

    /** An integer parameter as Redis reads one: decimal digits only, within {@code min} and {@code max}. */
    public static long integer(String value, long min, long max) {
        long parsed;
        try {
            parsed = Numbers.parseLong(value.getBytes(StandardCharsets.UTF_8));
        } catch (CommandError notInteger) {
            throw new CommandError("argument couldn't be parsed into an integer");
        }
        if (parsed < min || parsed > max) {
            throw new CommandError(outside(min, max));
        }
        return parsed;
    }

    private static String outside(long min, long max) {
        return "argument must be between " + min + " and " + max + " inclusive";
    }

    /** Applies a new value under the keyspace lock, or throws {@code CommandError} with CONFIG SET's reason. */
    @FunctionalInterface
    public interface Setter {
        void set(Call call, String value);
    }
}
