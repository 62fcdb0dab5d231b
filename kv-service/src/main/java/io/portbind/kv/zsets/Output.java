package io.portbind.kv.zsets;

/** Where a computed sorted set goes: to the client (ZRANGE, ZUNION) or into a key (ZRANGESTORE, ZUNIONSTORE). */
enum Output {
    /** Replied to the client; WITHSCORES is accepted. */
    REPLY,
    /** Stored at the destination key of argument 1, replying with its size; WITHSCORES is a syntax error. */
    STORE,
    /** Only its size is replied, counted up to LIMIT (ZINTERCARD); no WEIGHTS, AGGREGATE or WITHSCORES. */
    CARDINALITY
}
