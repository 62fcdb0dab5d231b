package io.portbind.kv.zsets;

/** The end of a sorted set a pop takes from, as Redis's {@code ZSET_MIN} and {@code ZSET_MAX}. */
enum ScoreEnd {
    /** The lowest-scoring members first (ZPOPMIN, BZPOPMIN). */
    MIN,
    /** The highest-scoring members first (ZPOPMAX, BZPOPMAX). */
    MAX
}
