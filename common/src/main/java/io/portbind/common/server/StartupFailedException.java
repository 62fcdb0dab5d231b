package io.portbind.common.server;

/**
 * A service cannot start for a reason that is not a mistake in its settings, such as a damaged data file.
 * Thrown by the application factory; its message is the whole line printed on stderr (naming what failed and
 * where), and the process exits with status 1 without a stack trace.
 */
public final class StartupFailedException extends RuntimeException {

    public StartupFailedException(String message) {
        super(message, null, false, false);
    }
}
