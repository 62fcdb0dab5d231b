package io.portbind.kv.keyspace;

/**
 * Hooks for features that react to keyspace changes. All callbacks run on the thread that holds the
 * keyspace lock, inside the command that caused them, so a listener sees the change atomically.
 */
public interface KeyspaceListener {

    /** A key was written, deleted or expired in {@code db} (Redis's signalModifiedKey: WATCH uses this). */
    default void keyModified(int db, byte[] key) {
    }

    /**
     * A command fired {@code event} of class {@code type} for {@code key} of {@code db} (Redis's
     * {@code notifyKeyspaceEvent}: keyspace notifications).
     */
    default void keyEvent(int db, EventClass type, String event, byte[] key) {
    }

    /** A key that was not there was added to {@code db}, at once (Redis's {@code dbAdd}: the {@code new} event). */
    default void keyCreated(int db, byte[] key) {
    }

    /**
     * A key of {@code db} expired and was deleted, found by a read or by the active expire cycle (after
     * {@link #keyModified} for it). Redis propagates such a deletion as {@code DEL key}.
     */
    default void keyExpired(int db, byte[] key) {
    }

    /**
     * A key was created in {@code db} by the command that just finished (Redis's signalKeyAsReady:
     * blocked BLPOP/BZPOPMIN clients use this). Delivered after the command, before the lock is released.
     */
    default void keyReady(int db, byte[] key) {
    }

    /**
     * Whether {@link #keyReady} has anything to do now. While no listener has, created keys are not collected:
     * a listener that never needs them, or needs none at the moment, says so and saves every write that work.
     */
    default boolean awaitsReadyKeys() {
        return true;
    }

    /**
     * A key of {@code db} was evicted to stay under {@code maxmemory}, after {@link #keyModified} for it. This is
     * where an evicted key is announced, so that the append-only file can write the DEL that Redis propagates.
     */
    default void keyEvicted(int db, byte[] key) {
    }

    /** Every key of {@code db} may have changed at once: FLUSHDB, FLUSHALL, SWAPDB. */
    default void databaseReplaced(int db) {
    }
}
