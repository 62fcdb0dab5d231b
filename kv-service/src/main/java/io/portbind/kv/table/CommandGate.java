package io.portbind.kv.table;

/**
 * A check that runs after lookup, arity and authentication and before a command executes. Gates let
 * connection modes own their rules: MULTI queues commands instead of running them, RESP2 subscribed
 * mode refuses most commands. Gates run on the event loop without the keyspace lock.
 */
public interface CommandGate {

    /**
     * Returns true when the gate has handled {@code call} itself (replied QUEUED or an error), so
     * it must not execute; false lets it continue to the next gate and then to execution.
     */
    boolean intercept(Call call);

    /**
     * Told when the dispatcher refused a request before the gates (unknown command, wrong arity,
     * NOAUTH), so that MULTI can mark the transaction as failed (EXECABORT). {@code call.spec()} may be null.
     * Returns the error to reply: {@code error}, or another text (a refused EXEC answers EXECABORT).
     */
    default String rejected(Call call, String error) {
        return error;
    }
}
