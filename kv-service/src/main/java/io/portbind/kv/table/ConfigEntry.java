package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;
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

    /** Applies a new value under the keyspace lock, or throws {@code CommandError} with CONFIG SET's reason. */
    @FunctionalInterface
    public interface Setter {
        void set(Call call, String value);
    }
}
