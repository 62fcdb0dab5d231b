package io.portbind.common.server;

import sun.misc.Signal;

/**
 * Turns SIGTERM and SIGINT into a graceful stop. Handling the signals ourselves, rather than in a
 * shutdown hook, lets the process finish its shutdown and exit with status 0 (twelve-factor IX).
 */
final class ShutdownSignals {

    private ShutdownSignals() {
    }

    static void onTermination(Runnable action) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> action.run());
        }
    }
}
