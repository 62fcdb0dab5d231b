package io.portbind.kv.table;

/**
 * A position replies must wait for before they leave: how far the AOF has been written (and, with
 * {@code appendfsync always}, fsynced). Replies written now wait for {@link #position()} as it is now, so no
 * client sees an acknowledgement, or data, that a crash of the process (with {@code always}: of the machine)
 * could still lose; Redis writes, and with {@code always} fsyncs, the AOF in {@code beforeSleep} before any
 * reply is sent.
 */
public interface ReplyBarrier {

    /** The position that replies written now must wait for. */
    long position();

    /** Whether {@code position} has been reached. */
    boolean reached(long position);

    /** Runs {@code task}, on some thread, once {@code position} is reached (at once if it has been). */
    void whenReached(long position, Runnable task);
}
