package io.portbind.kv.table;

/**
 * Whether a script has run past {@code busy-reply-threshold} (Redis's {@code isInsideYieldingLongCommand}): while it
 * does, other clients' commands get its {@code -BUSY} error instead of waiting for the keyspace lock, except those
 * declared {@code ALLOW_BUSY}. The scripting feature sets it on {@link ServerState}.
 */
public interface BusyScript {

    /** Nothing is busy. */
    BusyScript NONE = new BusyScript() {
        @Override
        public String busyError(Session session) {
            return null;
        }

        @Override
        public void abort() {
        }
    };

    /** The {@code -BUSY ...} error text a command of {@code session} gets now, or null when none is busy. */
    String busyError(Session session);

    /** Whether a script is busy now, as any client but the script's own caller sees it. */
    default boolean busy() {
        return busyError(null) != null;
    }

    /** SHUTDOWN NOSAVE: stops the running script at its next instruction, whether or not it wrote. */
    void abort();
}
