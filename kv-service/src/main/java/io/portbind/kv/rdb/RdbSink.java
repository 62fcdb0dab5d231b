package io.portbind.kv.rdb;

import java.io.IOException;

/**
 * Where {@link RdbReader} delivers what a file holds, in file order. The reader has checked everything it passes
 * except the whole file's checksum, which it checks after the last entry: a loader should fill a fresh keyspace
 * and switch to it only when {@link RdbReader#read} returns, so that a corrupt file loads nothing.
 */
public interface RdbSink {

    /**
     * One key of database {@code db} (0 to 15): {@code value} is a {@code byte[]} string or a list, set, hash or
     * sorted set value of ours; {@code expireAtMillis} is its expiry time in Unix milliseconds, or
     * {@code Database.NO_EXPIRY}. The key may already be past its expiry time: whether to drop it is the loader's
     * choice (redis-server 7.0 as a master drops such keys while loading). A key that appears twice in one database
     * makes a corrupt file; only the loader can tell.
     */
    void entry(int db, byte[] key, Object value, long expireAtMillis) throws IOException;

    /**
     * One function library's code (a FUNCTION2 entry), to load as FUNCTION LOAD does.
     *
     * @throws IllegalArgumentException when the library does not load
     */
    default void function(byte[] code) throws IOException {
        throw new IllegalArgumentException("functions are not loaded here");
    }

    /** An AUX field such as {@code redis-ver}, {@code ctime} or {@code aof-base}; ignored unless overridden. */
    default void aux(byte[] name, byte[] value) throws IOException {
    }
}
