package io.portbind.common.config;

/**
 * A configuration mistake by the user. Its message is the whole line printed on stderr, so it
 * names the setting, the value and what is accepted; the process exits with status 2.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
