package io.portbind.kv.aof;

import io.portbind.common.server.StartupException;

/** Start-up cannot go on (a corrupt AOF, a directory that cannot be written): the one line to print, exit 1. */
public final class StartupFailure extends StartupException {

    public StartupFailure(String message) {
        super(message);
    }
}
