package io.portbind.kv.resp;

/**
 * An error the client receives as a RESP error reply. The message is the whole reply text,
 * prefix included ({@code ERR ...}, {@code WRONGTYPE ...}). Thrown before a command writes any
 * reply; the dispatcher turns it into the error reply. It carries no stack trace: it is a reply,
 * not a bug, and the common ones are shared constants.
 */
public final class CommandError extends RuntimeException {

    public static final CommandError WRONGTYPE =
            new CommandError("WRONGTYPE Operation against a key holding the wrong kind of value");
    public static final CommandError NOT_INTEGER = new CommandError("ERR value is not an integer or out of range");
    public static final CommandError NOT_FLOAT = new CommandError("ERR value is not a valid float");
    public static final CommandError SYNTAX = new CommandError("ERR syntax error");
    public static final CommandError OVERFLOW = new CommandError("ERR increment or decrement would overflow");
    public static final CommandError STRING_TOO_LONG =
            new CommandError("ERR string exceeds maximum allowed size (proto-max-bulk-len)");

    public CommandError(String reply) {
        super(reply, null, false, false);
    }
}
