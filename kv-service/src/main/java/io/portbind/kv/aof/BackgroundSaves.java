package io.portbind.kv.aof;

/**
 * What the AOF must know of the RDB snapshots (the snapshot feature implements it): Redis runs one child at a
 * time, so BGREWRITEAOF during a BGSAVE is only scheduled, and starts once the save is over.
 */
@FunctionalInterface
public interface BackgroundSaves {

    /** No snapshot feature: never a save in progress. */
    BackgroundSaves NONE = () -> false;

    /** Whether a BGSAVE is writing now. */
    boolean inProgress();
}
