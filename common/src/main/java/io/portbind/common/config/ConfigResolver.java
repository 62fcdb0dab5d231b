package io.portbind.common.config;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place where settings are resolved: a flag beats the setting's environment variables
 * (in their order), which beat the default. Values are parsed and checked here, so a service
 * receives either a valid {@link Config} or a {@link ConfigException} worded for the user.
 */
public final class ConfigResolver {

    private ConfigResolver() {
    }

    /**
     * @param flags        flag name to the text given on the command line
     * @param environment  the process environment (a plain map in tests)
     */
    public static Config resolve(ServiceDescriptor service, Map<String, String> flags,
                                 Map<String, String> environment) {
        Map<Setting<?>, Object> values = new HashMap<>();
        for (Setting<?> setting : service.settings()) {
            Object value = resolveOne(service, setting, flags, environment);
            if (value != null) {
                values.put(setting, value);
            }
        }
        return new Config(service, values);
    }

    private static Object resolveOne(ServiceDescriptor service, Setting<?> setting, Map<String, String> flags,
                                     Map<String, String> environment) {
        if (flags.containsKey(setting.flag())) {
            return parse(service, setting, setting.flag(), flags.get(setting.flag()));
        }
        for (String variable : setting.variables()) {
            if (environment.containsKey(variable)) {
                return parse(service, setting, variable, environment.get(variable));
            }
        }
        if (setting.isOptional()) {
            return null;
        }
        return parse(service, setting, "the default of " + setting.flag(), setting.defaultText());
    }

    private static Object parse(ServiceDescriptor service, Setting<?> setting, String source, String text) {
        try {
            return setting.parser().parse(text);
        } catch (InvalidValueException e) {
            throw new ConfigException(service.name() + ": invalid " + source + " \"" + printable(text) + "\": "
                    + e.expected());
        }
    }

    /** Keeps the error on one line whatever the user typed. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.append(Character.toChars(c));
            }
        });
        return out.toString();
    }
}
