package io.portbind.common.server;

import io.portbind.common.config.LogLevel;

/**
 * Sets up SLF4J's simple backend as an event stream on stdout, one line per event. Must run before
 * the first logger is created, which is why the launcher calls it right after reading the config.
 */
final class Logging {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(LogLevel level) {
        System.setProperty(PREFIX + "logFile", "System.out");
        System.setProperty(PREFIX + "defaultLogLevel", level.lowerCaseName());
        System.setProperty(PREFIX + "showDateTime", "true");
        System.setProperty(PREFIX + "dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        System.setProperty(PREFIX + "showThreadName", "false");
        System.setProperty(PREFIX + "showShortLogName", "true");
        System.setProperty(PREFIX + "levelInBrackets", "false");
    }
}
