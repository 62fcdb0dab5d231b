package io.portbind.common.server;

/**
 * The service cannot start for a reason that is not a mistake in its settings (a data file that cannot be
 * read, say): {@link ServiceLauncher} prints the message as one line and exits with status 1.
 */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message, null, false, false);
    }
}
