package io.portbind.kv.table;

import java.util.Locale;

/** What the command table says about a command; {@code COMMAND INFO} lists them by their Redis names. */
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
    /** Constant or O(log n) time: never delays other clients noticeably. */
    FAST,
    /** Allowed before the client authenticates (AUTH, HELLO, QUIT). */
    NO_AUTH,
    /** May be replicated although not a write (PUBLISH). */
    MAY_REPLICATE,
    /** Never queued by MULTI: runs at once (MULTI itself, WATCH, SUBSCRIBE). */
    NO_MULTI,
    /** Allowed while a script is busy. */
    ALLOW_BUSY;

    /** The name {@code COMMAND INFO} shows. */
    public String redisName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
