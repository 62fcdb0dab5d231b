package io.portbind.kv.zsets;

/** The order a sorted set is walked in, as Redis's {@code ZRANGE_DIRECTION_FORWARD} and {@code _REVERSE}. */
enum Direction {
    /** Lowest score first, ties by member (ZRANGE, ZRANK): rank 0 is the lowest-scoring member. */
    FORWARD,
    /** Highest score first (ZREVRANGE, ZRANGE ... REV, ZREVRANK): rank 0 is the highest-scoring member. */
    REVERSE
}
