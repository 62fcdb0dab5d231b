package io.portbind.kv.table;

import io.netty.buffer.ByteBuf;
import io.portbind.kv.declaration.CommandFlag;
import io.portbind.kv.declaration.DispatchRule;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every request through Redis's one order of checks ({@code processCommand} in server.c): lookup (and
 * subcommand lookup), arity, authentication, commands a transaction refuses ({@code no-multi}), memory (evicting
 * first, then refusing {@code denyoom} commands while still over maxmemory), writes while data cannot be
 * persisted ({@code -MISCONF}), RESP2 subscribed mode, then queueing
 * inside MULTI or execution under the keyspace lock. Each rule is read from
 * the command's declared flags and {@link DispatchRule}s; commands never re-check what the dispatcher
 * guarantees. A refused request inside MULTI makes the transaction fail at EXEC, as in Redis.
 */
public final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** How much of the name and arguments an "unknown command" error quotes, as Redis. */
    private static final int QUOTE_LIMIT = 128;
    private static final String NOAUTH = "NOAUTH Authentication required.";
    private static final String NOT_IN_MULTI = "ERR Command not allowed inside a transaction";
    /** Redis's {@code shared.oomerr}. */
    private static final String OOM = "OOM command not allowed when used memory > 'maxmemory'.";
    private static final String ONLY_SUBSCRIBE_COMMANDS =
            "only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context";
    /** The reply to a command that failed by a defect of ours, so that the client is answered all the same. */
    static final String INTERNAL_ERROR = "ERR internal error while executing the command (see the server log)";
    /** The prefix of the error of an EXEC that is itself refused (arity, NOAUTH, subscribed mode). */
    private static final String EXECABORT_BECAUSE = "EXECABORT Transaction discarded because of: ";

    private final ServerState server;
    private final CommandTable table;
    private final TransactionEnder transactions;

    Dispatcher(ServerState server, CommandTable table, TransactionEnder transactions) {
        this.server = server;
        this.table = table;
        this.transactions = transactions;
    }

    public CommandTable table() {
        return table;
    }

    /** Checks and executes one request of {@code call}'s client; the reply goes to its reply writer. */
    public void dispatch(Call call, byte[][] args) {
        CommandSpec spec = table.lookup(args[0]);
        call.reset(args, spec);
        if (spec == null) {
            reject(call, unknownCommand(args));
            return;
        }
        if (spec.isContainer() && args.length >= 2) {
            CommandSpec sub = spec.subcommand(new String(args[1], StandardCharsets.ISO_8859_1));
            if (sub == null) {
                reject(call, "ERR unknown subcommand '" + quote(args[1], QUOTE_LIMIT) + "'. Try "
                        + spec.name().toUpperCase(Locale.ROOT) + " HELP.");
                return;
            }
            spec = sub;
            call.reset(args, spec);
        }
        if (!spec.acceptsArgCount(args.length)) {
            reject(call, call.arityError().getMessage());
            return;
        }
        Session session = call.session();
        if (!session.isAuthenticated() && !spec.has(CommandFlag.NO_AUTH)) {
            reject(call, NOAUTH);
            return;
        }
        Transaction transaction = session.transaction();
        if (transaction != null && spec.has(CommandFlag.NO_MULTI)) {
            reject(call, NOT_IN_MULTI);
            return;
        }
        if (server.memoryLimit().outOfMemory() && refusedOutOfMemory(spec, transaction)) {
            reject(call, OOM);
            return;
        }
        if (refusedOnDiskError(spec, transaction)) {
            String diskError = server.persistence().diskError();
            if (diskError != null) {
                reject(call, diskError);
                return;
            }
        }
        if (session.inSubscribedContext() && !spec.has(DispatchRule.SUBSCRIBED_CONTEXT)) {
            reject(call, "ERR Can't execute '" + spec.fullName() + "': " + ONLY_SUBSCRIBE_COMMANDS);
            return;
        }
        String busy = server.busyScript().busyError(session);
        if (busy != null && !spec.has(CommandFlag.ALLOW_BUSY)) {
            reject(call, busy);
            return;
        }
        if (transaction != null && !spec.has(DispatchRule.RUNS_IN_MULTI)) {
            transaction.queue(call);
            call.reply().queued();
            return;
        }
        executeUnlessBusy(call);
    }

    /**
     * Executes {@code call} once the keyspace lock is free. While waiting, a script holding it may run past
     * busy-reply-threshold: then a command that acts on busy scripts runs without the lock, one that is allowed
     * while busy waits on, and any other gets the script's {@code -BUSY} error, as Redis answers during a slow script.
     */
    private void executeUnlessBusy(Call call) {
        CommandSpec spec = call.spec();
        Keyspace keyspace = server.keyspace();
        boolean mayGiveUp = !spec.has(CommandFlag.ALLOW_BUSY) || spec.has(DispatchRule.CONTROLS_BUSY_SCRIPT);
        while (mayGiveUp && !keyspace.lockUnless(() -> server.busyScript().busyError(call.session()) != null)) {
            String busy = server.busyScript().busyError(call.session());
            if (busy == null) {
                continue; // the script ended meanwhile: wait for the lock again
            }
            if (spec.has(DispatchRule.CONTROLS_BUSY_SCRIPT)) {
                runBody(call);
            } else {
                reject(call, busy);
            }
            return;
        }
        if (!mayGiveUp) {
            keyspace.lock();
        }
        try {
            execute(call);
        } finally {
            keyspace.unlock();
        }
    }

    /** Runs a body that controls a busy script, without the keyspace lock the script holds. */
    private void runBody(Call call) {
        try {
            call.spec().body().execute(call);
        } catch (CommandError error) {
            call.reply().error(error.getMessage());
            server.stats().errorReplied(error.getMessage());
        }
    }

    /**
     * The command {@code args} names, its subcommand resolved, or null when there is none: for commands that
     * scripts call, whose checks the caller applies (Redis's {@code scriptCall}).
     */
    public CommandSpec resolve(byte[][] args) {
        CommandSpec spec = table.lookup(args[0]);
        if (spec != null && spec.isContainer()) {
            return args.length >= 2 ? spec.subcommand(new String(args[1], StandardCharsets.ISO_8859_1)) : spec;
        }
        return spec;
    }

    /**
     * Executes an already checked command atomically: under the keyspace lock, turning a
     * {@link CommandError} into its error reply. EXEC calls this for each queued command. While an AOF is on,
     * what the command changed is propagated through {@link Propagation} when it ends.
     */
    public void execute(Call call) {
        Keyspace keyspace = server.keyspace();
        CommandSpec spec = call.spec();
        byte[][] args = call.args();
        keyspace.lock();
        // Only a command declared WRITE makes collections shared with an open snapshot copy themselves first.
        boolean outerWrites = keyspace.mayWrite(spec.has(CommandFlag.WRITE));
        Propagation propagation = server.propagation();
        boolean propagating = propagation.active();
        long dirtyBefore = 0;
        if (propagating) {
            propagation.enter();
            dirtyBefore = keyspace.dirty();
        }
        long started = System.nanoTime();
        boolean failed = false;
        call.session().commandStarted(spec, keyspace.now());
        keyspace.touching(!call.session().noTouch() || spec.has(DispatchRule.TOUCHES_DESPITE_NO_TOUCH));
        ByteBuf replies = call.reply().buffer();
        int replyStart = replies == null ? 0 : replies.writerIndex();
        try {
            spec.body().execute(call);
        } catch (CommandError error) {
            failed = true;
            call.reply().error(error.getMessage());
            server.stats().errorReplied(error.getMessage());
        } catch (RuntimeException bug) {
            failed = true;
            LOG.warn("'{}' failed", spec.name(), bug);
            if (replies != null) {
                // Whatever part of a reply the command wrote before failing goes; its error reply takes the place.
                replies.writerIndex(Math.max(replyStart, replies.readerIndex()));
            }
            call.reply().error(INTERNAL_ERROR);
            server.stats().errorReplied(INTERNAL_ERROR);
        } finally {
            spec.stats().executed(System.nanoTime() - started, failed);
            server.stats().commandExecuted(keyspace.now());
            keyspace.mayWrite(outerWrites);
            if (propagating) {
                propagation.leave(call.session().db(), args, keyspace.dirty() != dirtyBefore,
                        spec.has(DispatchRule.EXECUTES_TRANSACTION));
            }
            keyspace.unlock();
        }
    }

    /** Executes a command checked earlier (a queued command at EXEC): {@code call} is reset to it first. */
    public void execute(Call call, byte[][] args, CommandSpec spec) {
        call.reset(args, spec);
        execute(call);
    }

    /**
     * Whether a command is refused while memory is over the limit, as in Redis's {@code processCommand}: one that
     * may grow memory ({@code denyoom}), an EXEC whose queue holds one, and inside MULTI anything that does not end
     * the transaction, since queueing itself grows memory.
     */
    private static boolean refusedOutOfMemory(CommandSpec spec, Transaction transaction) {
        if (spec.has(CommandFlag.DENYOOM)) {
            return true;
        }
        if (transaction == null) {
            return false;
        }
        if (spec.has(DispatchRule.EXECUTES_TRANSACTION)) {
            return transaction.queued().stream().anyMatch(queued -> queued.spec().has(CommandFlag.DENYOOM));
        }
        return !spec.has(DispatchRule.ENDS_TRANSACTION);
    }

    /**
     * Whether a command is refused while data cannot be persisted, as in Redis's {@code processCommand}: a write,
     * an EXEC whose queue holds one, and PING ({@link DispatchRule#REPORTS_DISK_ERROR}).
     */
    private static boolean refusedOnDiskError(CommandSpec spec, Transaction transaction) {
        if (spec.has(CommandFlag.WRITE) || spec.has(DispatchRule.REPORTS_DISK_ERROR)) {
            return true;
        }
        return transaction != null && spec.has(DispatchRule.EXECUTES_TRANSACTION)
                && transaction.queued().stream().anyMatch(queued -> queued.spec().has(CommandFlag.WRITE));
    }

    /**
     * Refuses the request with {@code refusal}. Inside MULTI that fails the transaction; a refused EXEC
     * discards it at once and says why, as Redis's {@code execCommandAbort}.
     */
    private void reject(Call call, String refusal) {
        CommandSpec spec = call.spec();
        Session session = call.session();
        String error = refusal;
        if (spec != null && spec.has(DispatchRule.EXECUTES_TRANSACTION)) {
            transactions.discard(session);
            error = EXECABORT_BECAUSE + (refusal.startsWith("ERR ") ? refusal.substring("ERR ".length()) : refusal);
        } else if (session.transaction() != null) {
            session.transaction().fail();
        }
        if (spec != null) {
            spec.stats().rejected();
        }
        server.stats().errorReplied(error);
        call.reply().error(error);
    }

    private static String unknownCommand(byte[][] args) {
        StringBuilder quoted = new StringBuilder();
        for (int i = 1; i < args.length && quoted.length() < QUOTE_LIMIT; i++) {
            quoted.append('\'').append(quote(args[i], QUOTE_LIMIT - quoted.length())).append("' ");
        }
        return "ERR unknown command '" + quote(args[0], QUOTE_LIMIT) + "', with args beginning with: " + quoted;
    }

    private static String quote(byte[] text, int limit) {
        return new String(text, 0, Math.min(text.length, limit), StandardCharsets.ISO_8859_1);
    }
}
