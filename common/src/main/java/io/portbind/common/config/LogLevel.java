package io.portbind.common.config;

import java.util.Locale;

/** The levels {@code LOG_LEVEL} accepts, most severe first. */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG, TRACE;

    static LogLevel parse(String text) throws InvalidValueException {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("expected one of error, warn, info, debug, trace");
        }
    }

    public String lowerCaseName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
