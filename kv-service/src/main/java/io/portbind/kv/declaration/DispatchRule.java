package io.portbind.kv.declaration;

/**
 * How a command stands to the connection modes the dispatcher enforces. Redis decides these by comparing
 * command procedures in {@code processCommand}; we declare them beside the command's Redis flags instead, so
 * that no rule switches on command names. Command files list them as {@code "dispatch_rules"}, a field of ours
 * beside Redis's schema; {@code COMMAND INFO} never shows them.
 */
public enum DispatchRule {
    /** Runs at once inside MULTI instead of being queued (MULTI, EXEC, DISCARD, WATCH, QUIT, RESET). */
    RUNS_IN_MULTI,
    /** Executes the open transaction; when it is refused, the transaction is discarded with EXECABORT (EXEC). */
    EXECUTES_TRANSACTION,
    /** Allowed to a RESP2 client in subscribed mode ((P)SUBSCRIBE, (P)UNSUBSCRIBE, PING, QUIT, RESET). */
    SUBSCRIBED_CONTEXT,
    /**
     * Ends an open transaction (EXEC, DISCARD, QUIT, RESET): while memory is over maxmemory every other command
     * inside MULTI is refused, since queueing grows memory without bound.
     */
    ENDS_TRANSACTION,
    /**
     * Refused with {@code -MISCONF} while data cannot be persisted although it writes nothing (PING), as every
     * write command is: so that a monitoring check notices.
     */
    REPORTS_DISK_ERROR,
    /** Updates the access time of the keys it reads even for a client in CLIENT NO-TOUCH mode (TOUCH). */
    TOUCHES_DESPITE_NO_TOUCH,
    /**
     * Acts on a busy script (SCRIPT KILL, FUNCTION KILL, FUNCTION STATS, SHUTDOWN): while one runs past
     * busy-reply-threshold, the body runs without waiting for the keyspace lock the script holds.
     */
    CONTROLS_BUSY_SCRIPT
}
