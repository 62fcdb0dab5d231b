package io.portbind.chat.connection;

/** Fired through every connection's pipeline when the server stops gracefully. */
public enum ShutdownEvent {
    INSTANCE
}
