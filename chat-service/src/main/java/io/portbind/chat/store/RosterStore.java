package io.portbind.chat.store;

import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;

/**
 * Every user's roster. Updates are read-modify-write of a single item, so a networked store can run
 * them atomically (a transaction or script per item) without locking whole rosters.
 */
public interface RosterStore {

    CompletionStage<Roster> roster(BareJid owner);

    /** The owner's item for {@code contact}, {@link RosterItem#unknown} when there is none. */
    CompletionStage<RosterItem> item(BareJid owner, BareJid contact);

    /**
     * Applies {@code change} to the owner's item for {@code contact} (given {@link RosterItem#unknown}
     * when absent). An empty result removes the item. The version increases only when the item changed.
     */
    CompletionStage<RosterChange> update(BareJid owner, BareJid contact, UnaryOperator<RosterItem> change);

    /** Empties the owner's roster, when the account is removed; versions never go back. */
    CompletionStage<Void> removeAll(BareJid owner);
}
