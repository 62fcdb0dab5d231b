package io.portbind.common.config;

import java.util.List;
import java.util.Objects;

/**
 * One configurable value: its command-line flag, the environment variables that may carry it (in
 * precedence order), its default and how its text is parsed. The flag beats every variable, an
 * earlier variable beats a later one, and the default applies when none is given.
 *
 * @param flag         long option, such as {@code --port}
 * @param variables    environment variables, highest precedence first
 * @param defaultText  default as it would be typed, or {@code null} when the setting is optional
 * @param description  one line for {@code --help}
 * @param parser       turns text into the value
 */
public record Setting<T>(String flag, List<String> variables, String defaultText, String description,
                         ValueParser<T> parser) {

    public Setting {
        Objects.requireNonNull(flag, "flag");
        variables = List.copyOf(variables);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parser, "parser");
    }

    public static <T> Setting<T> of(String flag, List<String> variables, String defaultText, String description,
                                    ValueParser<T> parser) {
        return new Setting<>(flag, variables, defaultText, description, parser);
    }

    public boolean isOptional() {
        return defaultText == null;
    }
}
