package io.portbind.kv.pubsub;

/** The two kinds of subscription a client holds, as Redis keeps {@code pubsub_channels} and {@code pubsub_patterns}. */
enum Subscription {
    /** To one channel by its exact name (SUBSCRIBE, UNSUBSCRIBE): a PUBLISH to it arrives as "message". */
    CHANNEL,
    /** To every channel matching a glob pattern (PSUBSCRIBE, PUNSUBSCRIBE): arrives as "pmessage". */
    PATTERN
}
