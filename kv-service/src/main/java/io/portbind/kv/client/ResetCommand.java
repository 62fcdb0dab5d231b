package io.portbind.kv.client;

import io.portbind.kv.pubsub.PubSubCommands;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Session;
import io.portbind.kv.transactions.TransactionCommands;

/**
 * RESET: the connection as if new. Discards MULTI and unwatches, unsubscribes from every channel and
 * pattern, returns to RESP2, database 0, no name, replies on, and (with a password configured) not
 * authenticated.
 */
public final class ResetCommand implements CommandFamily {

    private final PubSubCommands pubSub;
    private final TransactionCommands transactions;

    public ResetCommand(PubSubCommands pubSub, TransactionCommands transactions) {
        this.pubSub = pubSub;
        this.transactions = transactions;
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("reset", this::reset);
    }

    private void reset(Call call) {
        Session session = call.session();
        transactions.discard(session);
        pubSub.unsubscribeAll(session);
        session.db(0);
        session.protocol(2);
        session.name("");
        session.replyMode(Session.ReplyMode.ON);
        session.authenticated(call.server().password().isEmpty());
        call.reply().simple("RESET");
    }
}
