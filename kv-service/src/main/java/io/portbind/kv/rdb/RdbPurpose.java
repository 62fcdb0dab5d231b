package io.portbind.kv.rdb;

/** What an RDB file is written for, which its {@code aof-base} AUX field tells a reader. */
public enum RdbPurpose {
    /** A snapshot such as dump.rdb (SAVE, BGSAVE, shutdown): {@code aof-base 0}. */
    SNAPSHOT,
    /** The base file of an AOF directory, Redis's "RDB preamble": {@code aof-base 1}. */
    AOF_BASE
}
