package io.portbind.chat.roster;

import io.portbind.chat.Host;
import io.portbind.chat.presence.PresenceDelivery;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterChange;
import io.portbind.chat.store.RosterItem;
import io.portbind.chat.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;

/**
 * The presence subscription state machine of RFC 6121 section 3 and Appendix A, for two local
 * users. A subscription stanza is processed twice: outbound on the sender's roster, then inbound on
 * the recipient's, each step changing one roster, pushing the change and delivering what the
 * RFC says to deliver. Pre-approval (section 3.4) and pending requests that wait for the recipient
 * to come online are both remembered on roster items.
 */
public final class SubscriptionFlow {

    private final Host host;
    private final RosterPushes pushes;
    private final PresenceDelivery delivery;

    public SubscriptionFlow(Host host, RosterPushes pushes, PresenceDelivery delivery) {
        this.host = host;
        this.pushes = pushes;
        this.delivery = delivery;
    }

    /** A subscription stanza of {@code type} the user sent to {@code contact}. */
    public void outbound(ClientSession from, String type, BareJid contact) {
        BareJid user = from.user();
        if (contact.equals(user)) {
            return;
        }
        switch (type) {
            case "subscribe" -> update(from, user, contact,
                    item -> item.subscription().ownerReceives() ? item : item.listed(true).askOut(true),
                    change -> inbound(type, user, contact));
            case "subscribed" -> update(from, user, contact, SubscriptionFlow::approve, change -> {
                if (change.before().pendingIn()) {
                    inbound(type, user, contact);
                    delivery.currentPresence(user, contact);
                }
            });
            case "unsubscribe" -> update(from, user, contact,
                    item -> item.withSubscription(item.subscription().withTo(false)).askOut(false),
                    change -> inbound(type, user, contact));
            case "unsubscribed" -> update(from, user, contact, SubscriptionFlow::cancel, change -> {
                if (change.before().subscription().contactReceives() || change.before().pendingIn()) {
                    delivery.unavailable(user, contact);
                    inbound(type, user, contact);
                }
            });
            default -> throw new IllegalArgumentException(type);
        }
    }

    /**
     * Approving a pending request grants it; approving before any request pre-approves it, listing the
     * contact with {@code approved='true'} if it was not yet in the roster (RFC 6121 section 3.4.2).
     */
    private static RosterItem approve(RosterItem item) {
        if (item.pendingIn()) {
            return item.withSubscription(item.subscription().withFrom(true)).pendingIn(false).listed(true);
        }
        return item.subscription().contactReceives() ? item : item.preApproved(true).listed(true);
    }

    private static RosterItem cancel(RosterItem item) {
        return item.withSubscription(item.subscription().withFrom(false)).pendingIn(false).preApproved(false);
    }

    /** Tells the contact about a roster item the user removed, as RFC 6121 section 2.5.2 requires. */
    public void removed(RosterItem before, BareJid user) {
        BareJid contact = before.jid();
        if (before.subscription().contactReceives() || before.pendingIn()) {
            delivery.unavailable(user, contact);
            inbound("unsubscribed", user, contact);
        }
        if (before.subscription().ownerReceives() || before.askOut()) {
            inbound("unsubscribe", user, contact);
        }
    }

    /**
     * Removes every item of a deleted account's roster as if the user had removed each one (RFC 6121 section
     * 2.5.2, XEP-0077 section 3.2), hidden ones included: contacts hear the user's resources go while they are
     * still online, and their own items lose the subscriptions.
     */
    public CompletionStage<Void> removeEveryItem(BareJid user) {
        return host.rosters().roster(user).thenCompose(roster -> {
            List<CompletableFuture<Void>> removals = new ArrayList<>(roster.items().size());
            for (RosterItem item : roster.items()) {
                removals.add(host.rosters().update(user, item.jid(), existing -> RosterItem.unknown(item.jid()))
                        .thenAccept(change -> removed(change.before(), user)).toCompletableFuture());
            }
            return CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new));
        });
    }

    /** Processes a subscription stanza from {@code sender} on the roster of local user {@code recipient}. */
    private void inbound(String type, BareJid sender, BareJid recipient) {
        host.accounts().find(recipient.getLocalpartOrThrow().toString()).thenAccept(account -> {
            if (account.isEmpty()) {
                return;
            }
            XmlElement stanza = XmlElement.of("presence", Stanzas.CLIENT).attribute("type", type)
                    .attribute("from", sender.toString()).attribute("to", recipient.toString());
            switch (type) {
                case "subscribe" -> inboundSubscribe(sender, recipient, stanza);
                case "subscribed" -> inboundUpdate(sender, recipient, stanza, item -> item.askOut()
                        ? item.withSubscription(item.subscription().withTo(true)).askOut(false) : item);
                case "unsubscribe" -> inboundUnsubscribe(sender, recipient, stanza);
                case "unsubscribed" -> inboundUpdate(sender, recipient, stanza,
                        item -> item.withSubscription(item.subscription().withTo(false)).askOut(false));
                default -> throw new IllegalArgumentException(type);
            }
        });
    }

    private void inboundSubscribe(BareJid sender, BareJid recipient, XmlElement stanza) {
        host.rosters().update(recipient, sender, item -> {
            if (item.subscription().contactReceives()) {
                return item;
            }
            if (item.preApproved()) {
                return item.withSubscription(item.subscription().withFrom(true)).preApproved(false).listed(true);
            }
            return item.pendingIn(true);
        }).thenAccept(change -> {
            pushes.push(recipient, change);
            if (change.after().subscription().contactReceives()) {
                // Already subscribed or pre-approved: the recipient's server answers for its user.
                inbound("subscribed", recipient, sender);
                delivery.currentPresence(recipient, sender);
            } else {
                delivery.toAvailable(recipient, stanza);
            }
        });
    }

    /** The sender stops receiving the recipient's presence, so it hears each of its resources go (RFC 6121 3.3.3). */
    private void inboundUnsubscribe(BareJid sender, BareJid recipient, XmlElement stanza) {
        inboundUpdate(sender, recipient, stanza,
                item -> item.withSubscription(item.subscription().withFrom(false)).pendingIn(false))
                .thenAccept(change -> {
                    if (change.before().subscription().contactReceives()) {
                        delivery.unavailable(recipient, sender);
                    }
                });
    }

    private CompletionStage<RosterChange> inboundUpdate(BareJid sender, BareJid recipient, XmlElement stanza,
                                                       UnaryOperator<RosterItem> change) {
        return host.rosters().update(recipient, sender, change).thenApply(result -> {
            if (result.changed()) {
                pushes.push(recipient, result);
                delivery.toAvailable(recipient, stanza);
            }
            return result;
        });
    }

    private void update(ClientSession from, BareJid owner, BareJid contact, UnaryOperator<RosterItem> change,
                        Consumer<RosterChange> then) {
        from.onLoop(host.rosters().update(owner, contact, change), result -> {
            pushes.push(owner, result);
            then.accept(result);
        });
    }
}
