package io.portbind.chat.presence;

import io.portbind.chat.Host;
import io.portbind.chat.roster.SubscriptionFlow;
import io.portbind.chat.routing.Addressee;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterItem;
import io.portbind.chat.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * Presence from clients (RFC 6121 section 4): broadcast to subscribers and the user's own resources,
 * probes answered from live sessions at initial presence, directed presence remembered until
 * unavailable, subscription stanzas handed to the {@link SubscriptionFlow}, and presence for another
 * domain answered with {@code remote-server-not-found}. Initial presence also releases what waited
 * for the user: offline messages and pending subscription requests.
 */
public final class PresenceBroker {

    private final Host host;
    private final PresenceDelivery delivery;
    private final SubscriptionFlow subscriptions;

    public PresenceBroker(Host host, PresenceDelivery delivery, SubscriptionFlow subscriptions) {
        this.host = host;
        this.delivery = delivery;
        this.subscriptions = subscriptions;
    }

    public void handle(ClientSession from, XmlElement presence, Jid to) {
        String type = presence.attribute("type");
        Addressee addressee = Addressee.of(to, from, host.domain());
        if (addressee == Addressee.REMOTE) {
            // No federation: as with messages and IQs, the sender learns that the other domain cannot be reached.
            if (!"error".equals(type)) {
                from.send(Stanzas.error(presence, StanzaError.REMOTE_SERVER_NOT_FOUND));
            }
            return;
        }
        boolean local = addressee != Addressee.SERVER;
        if (type == null || type.equals("unavailable")) {
            if (to == null) {
                broadcast(from, presence, type == null);
            } else if (local) {
                directed(from, presence, to, type == null);
            }
            return;
        }
        switch (type) {
            case "subscribe", "subscribed", "unsubscribe", "unsubscribed" -> {
                if (local && addressee != Addressee.SELF) {
                    // The user's server stamps subscription stanzas with bare JIDs (RFC 6121 section 3.1.2).
                    subscriptions.outbound(from, type, to.asBareJid());
                }
            }
            case "probe" -> {
                if (local) {
                    from.onLoop(host.rosters().item(from.user(), to.asBareJid()), item -> {
                        if (item.subscription().ownerReceives()) {
                            delivery.currentPresence(to.asBareJid(), from);
                        }
                    });
                }
            }
            case "error" -> {
                if (addressee == Addressee.FULL) {
                    host.sessions().find((FullJid) to).ifPresent(session -> session.send(presence));
                }
            }
            default -> {
                // An unknown presence type has no defined meaning; RFC 6121 section 4.7.1 says to ignore it.
            }
        }
    }

    /** The session ended: unavailable to everyone who saw it available. */
    public void disconnected(ClientSession session) {
        if (session.isAvailable() || !session.directedPresence().isEmpty()) {
            broadcast(session, PresenceDelivery.unavailableFrom(session), false);
        }
    }

    private void broadcast(ClientSession from, XmlElement presence, boolean available) {
        boolean initial = available && !from.isAvailable();
        if (!available && !from.isAvailable() && from.directedPresence().isEmpty()) {
            return;
        }
        from.presence(available ? presence : null, available ? priority(presence) : 0);
        host.sessions().changed(from);
        BareJid user = from.user();
        from.onLoop(host.rosters().roster(user), roster -> {
            for (RosterItem item : roster.items()) {
                if (item.subscription().contactReceives()) {
                    delivery.toAvailable(item.jid(), presence);
                }
            }
            delivery.toAvailable(user, presence);
            if (!available) {
                if (from.channel().isActive()) {
                    from.send(presence);
                }
                for (Jid target : from.directedPresence()) {
                    deliver(target, presence);
                }
                from.directedPresence().clear();
            }
            if (initial) {
                welcome(from, roster.items());
            }
        });
    }

    /**
     * What a resource gets once it becomes available: the presence of the user's other resources and of
     * contacts (RFC 6121 section 4.2.2), stored messages, waiting requests.
     */
    private void welcome(ClientSession from, List<RosterItem> items) {
        delivery.currentPresence(from.user(), from);
        List<RosterItem> pending = new ArrayList<>();
        for (RosterItem item : items) {
            if (item.subscription().ownerReceives()) {
                delivery.currentPresence(item.jid(), from);
            }
            if (item.pendingIn()) {
                pending.add(item);
            }
        }
        from.onLoop(host.offline().takeAll(from.user()), messages -> messages.forEach(from::write));
        for (RosterItem item : pending) {
            from.send(XmlElement.of("presence", Stanzas.CLIENT).attribute("type", "subscribe")
                    .attribute("from", item.jid().toString()).attribute("to", from.user().toString()));
        }
    }

    private void directed(ClientSession from, XmlElement presence, Jid to, boolean available) {
        deliver(to, presence);
        if (available) {
            from.directedPresence().add(to);
        } else {
            from.directedPresence().remove(to);
        }
    }

    private void deliver(Jid to, XmlElement presence) {
        if (to.hasResource()) {
            host.sessions().find((FullJid) to).ifPresent(session -> session.send(presence));
        } else {
            delivery.toAvailable(to.asBareJid(), presence);
        }
    }

    /** The {@code <priority/>} of an available presence, -128 to 127, 0 when absent or invalid. */
    private static int priority(XmlElement presence) {
        try {
            int priority = presence.childText("priority", presence.namespace()).map(String::strip)
                    .map(Integer::parseInt).orElse(0);
            return priority >= -128 && priority <= 127 ? priority : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
