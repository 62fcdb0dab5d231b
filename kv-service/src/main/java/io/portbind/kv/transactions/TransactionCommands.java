package io.portbind.kv.transactions;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.Session;
import io.portbind.kv.table.Transaction;

/**
 * MULTI, EXEC, DISCARD, WATCH and UNWATCH. While a client is in MULTI, a gate queues its requests
 * (replying QUEUED) instead of running them; a request refused meanwhile (unknown command, arity,
 * NOAUTH) makes EXEC answer EXECABORT. EXEC runs the queue atomically: it is itself one command
 * under the keyspace lock, and runs each queued command through the dispatcher's execute.
 */
public final class TransactionCommands implements CommandFamily {

    private static final CommandError NESTED = new CommandError("ERR MULTI calls can not be nested");
    private static final CommandError EXEC_WITHOUT_MULTI = new CommandError("ERR EXEC without MULTI");
    private static final CommandError DISCARD_WITHOUT_MULTI = new CommandError("ERR DISCARD without MULTI");
    private static final CommandError WATCH_INSIDE_MULTI = new CommandError("ERR WATCH inside MULTI is not allowed");
    private static final String EXECABORT = "EXECABORT Transaction discarded because of previous errors.";

    private WatchedKeys watchedKeys;

    @Override
    public void register(CommandRegistry registry) {
        watchedKeys = new WatchedKeys(registry.server().keyspace());
        registry.server().keyspace().addListener(watchedKeys);
        registry.transactions(this::discard);
        registry.bind("multi", this::multi)
                .bind("exec", this::exec)
                .bind("discard", this::discard)
                .bind("watch", this::watch)
                .bind("unwatch", this::unwatch);
    }

    /** Ends MULTI and forgets the watched keys (DISCARD, and RESET). */
    public void discard(Session session) {
        session.transaction(null);
        watchedKeys.unwatchAll(session);
    }

    private void multi(Call call) {
        if (call.session().transaction() != null) {
            throw NESTED;
        }
        call.session().transaction(new Transaction());
        call.reply().ok();
    }

    private void exec(Call call) {
        Session session = call.session();
        Transaction transaction = session.transaction();
        if (transaction == null) {
            throw EXEC_WITHOUT_MULTI;
        }
        boolean watchedKeyChanged = watchedKeys.changed(session);
        discard(session);
        if (transaction.failed()) {
            call.reply().error(EXECABORT);
            return;
        }
        if (watchedKeyChanged) {
            call.reply().nullArray();
            return;
        }
        call.reply().array(transaction.queued().size());
        Dispatcher dispatcher = call.server().dispatcher();
        session.setInTransaction(true);
        try {
            for (Transaction.Queued queued : transaction.queued()) {
                dispatcher.execute(call, queued.args(), queued.spec());
            }
        } finally {
            session.setInTransaction(false);
        }
    }

    private void discard(Call call) {
        if (call.session().transaction() == null) {
            throw DISCARD_WITHOUT_MULTI;
        }
        discard(call.session());
        call.reply().ok();
    }

    private void watch(Call call) {
        if (call.session().transaction() != null) {
            throw WATCH_INSIDE_MULTI;
        }
        for (int i = 1; i < call.argCount(); i++) {
            watchedKeys.watch(call.session(), call.session().db(), call.arg(i));
        }
        call.reply().ok();
    }

    private void unwatch(Call call) {
        watchedKeys.unwatchAll(call.session());
        call.reply().ok();
    }
}
