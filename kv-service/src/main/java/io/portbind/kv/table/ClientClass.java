package io.portbind.kv.table;

/** The classes of client that {@code client-output-buffer-limit} sets a limit for, by Redis's names. */
public enum ClientClass {
    NORMAL("normal"),
    /** Replicas: this server has none, but the limit is kept and shown as Redis does. */
    REPLICA("slave"),
    /** A client subscribed to at least one channel or pattern. */
    PUBSUB("pubsub");

    private final String configName;

    ClientClass(String configName) {
        this.configName = configName;
    }

    /** The name CONFIG GET shows: {@code slave} for replicas, as Redis 7.0 still does. */
    public String configName() {
        return configName;
    }
}
