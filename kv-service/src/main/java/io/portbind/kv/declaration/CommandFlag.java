package io.portbind.kv.declaration;

import java.util.Locale;

/**
 * Redis 7.0's command flags, in the order {@code COMMAND INFO} lists them. Command files declare them by these
 * upper-case names ({@code "command_flags": ["WRITE", "DENYOOM"]}); {@link #MOVABLEKEYS} alone is derived from the
 * key specs, never declared.
 */
public enum CommandFlag {
    /** May modify the keyspace. */
    WRITE,
    /** Reads data but never modifies it. */
    READONLY,
    /** May grow memory use; refused when memory is exhausted. */
    DENYOOM,
    /** Server administration (CONFIG, SHUTDOWN, FLUSHALL's kin). */
    ADMIN,
    /** Pub/sub related. */
    PUBSUB,
    /** Not allowed from scripts. */
    NOSCRIPT,
    /** May park the client until data arrives or a timeout passes (BLPOP, BZPOPMIN). */
    BLOCKING,
    /** Allowed while the server is loading data. */
    LOADING,
    /** Allowed on a replica with stale data. */
    STALE,
    /** Not shown to MONITOR clients. */
    SKIP_MONITOR,
    /** Not recorded in the slow log. */
    SKIP_SLOWLOG,
    /** Allowed on a cluster replica that is importing a slot. */
    ASKING,
    /** Constant or O(log n) time: never delays other clients noticeably. */
    FAST,
    /** Allowed before the client authenticates (AUTH, HELLO, QUIT). */
    NO_AUTH,
    /** May run with none of its keys present in the arguments (an empty COMMAND GETKEYS is no error). */
    NO_MANDATORY_KEYS,
    /** Refused while the server loads data asynchronously. */
    NO_ASYNC_LOADING,
    /** Refused inside MULTI, failing the transaction (SHUTDOWN, SAVE). */
    NO_MULTI,
    /** Where the keys are depends on the arguments; derived from the key specs, never declared. */
    MOVABLEKEYS,
    /** Allowed while a script is busy. */
    ALLOW_BUSY;

    /** The name {@code COMMAND INFO} shows. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
