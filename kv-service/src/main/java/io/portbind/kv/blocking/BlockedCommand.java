package io.portbind.kv.blocking;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.resp.Reply;
import java.util.function.Consumer;

/**
 * What a parked blocking command (BLPOP, BLMOVE, BZPOPMIN, ...) does when one of its keys may hold data,
 * and what it answers when its time is up. Both run under the keyspace lock.
 */
public interface BlockedCommand {

    /**
     * {@code key} of {@code db} was just created (or arrived with a SWAPDB). Serves the client if the key
     * now holds what the command waits for: changes the keyspace (pops) and returns the writer of the
     * client's reply. Returns null to keep waiting (the key is absent, empty or of another type).
     */
    Consumer<Reply> serve(Database db, byte[] key);

    /**
     * Whether a declining waiter lets the key go on to the next one: stream readers each wait for their own range
     * of ids (and group), so one with nothing to read says nothing about the next; a pop that found no element does.
     */
    default boolean passesOn() {
        return false;
    }

    /** Writes the reply for a timeout; also the immediate reply inside MULTI/EXEC, where nothing blocks. */
    void timedOut(Reply reply);
}
