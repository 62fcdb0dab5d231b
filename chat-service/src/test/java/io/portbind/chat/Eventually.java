package io.portbind.chat;

import java.util.function.BooleanSupplier;

/** Waiting for state that arrives asynchronously, such as a roster push. */
final class Eventually {

    private Eventually() {
    }

    static void assertEventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + XmppClients.TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }
}
