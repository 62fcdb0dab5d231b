package io.portbind.kv.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A client's open MULTI block: the commands queued for EXEC, already checked (lookup, arity,
 * authentication), and whether a request was refused meanwhile, which makes EXEC answer EXECABORT.
 * Touched only by the client's own requests.
 */
public final class Transaction {

    /** One queued request: its own copy of the arguments and the command it resolved to. */
    public record Queued(byte[][] args, CommandSpec spec) {
    }

    private final List<Queued> queued = new ArrayList<>();
    private boolean failed;

    /** Queues a copy of {@code call}'s request (the decoder may reuse its argument arrays). */
    public void queue(Call call) {
        byte[][] args = new byte[call.argCount()][];
        for (int i = 0; i < args.length; i++) {
            args[i] = call.arg(i).clone();
        }
        queued.add(new Queued(args, call.spec()));
    }

    public List<Queued> queued() {
        return queued;
    }

    /** Marks the transaction as failed: a request could not be queued. */
    public void fail() {
        this.failed = true;
    }

    public boolean failed() {
        return failed;
    }
}
