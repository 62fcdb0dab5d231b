package io.portbind.kv.pubsub;

/**
 * PUBLISH for features other than pub/sub (keyspace notifications), provided as a server service. Called under
 * the keyspace lock, as the commands are.
 */
@FunctionalInterface
public interface Publisher {

    /** Delivers {@code message} to the subscribers of {@code channel}; returns how many received it. */
    int publish(byte[] channel, byte[] message);
}
