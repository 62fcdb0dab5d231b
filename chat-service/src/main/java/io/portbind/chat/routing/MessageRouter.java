package io.portbind.chat.routing;

import io.portbind.chat.Host;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Resource;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * Message delivery (RFC 6121 section 8.5): to a full JID if that resource is online, otherwise as
 * if to the bare JID; to a bare JID, to the available resources of highest non-negative priority,
 * or into offline storage when there are none. Unknown recipients get the prescribed errors.
 */
public final class MessageRouter {

    private static final String DELAY_NAMESPACE = "urn:xmpp:delay";

    private final Host host;

    public MessageRouter(Host host) {
        this.host = host;
    }

    public void route(ClientSession from, XmlElement message, Jid to) {
        String type = Optional.ofNullable(message.attribute("type")).orElse("normal");
        switch (Addressee.of(to, from, host.domain())) {
            case REMOTE -> bounce(from, message, type, StanzaError.REMOTE_SERVER_NOT_FOUND);
            case SERVER -> bounce(from, message, type, StanzaError.SERVICE_UNAVAILABLE);
            case FULL -> {
                Optional<Resource> resource = host.sessions().find((FullJid) to);
                if (resource.isPresent()) {
                    resource.get().send(message);
                } else if (type.equals("chat") || type.equals("normal")) {
                    toBareJid(from, message, type, to.asBareJid());
                } else if (type.equals("groupchat")) {
                    bounce(from, message, type, StanzaError.SERVICE_UNAVAILABLE);
                }
            }
            default -> toBareJid(from, message, type, to == null ? from.user() : to.asBareJid());
        }
    }

    private void toBareJid(ClientSession from, XmlElement message, String type, BareJid user) {
        if (type.equals("error")) {
            return;
        }
        if (type.equals("groupchat")) {
            bounce(from, message, type, StanzaError.SERVICE_UNAVAILABLE);
            return;
        }
        List<Resource> recipients = recipients(user, type.equals("headline"));
        if (!recipients.isEmpty()) {
            for (Resource recipient : recipients) {
                recipient.send(message);
            }
            return;
        }
        // In order: two messages Romeo sends in a row must be stored, and read back, in that order.
        XmlElement stored = stamped(message);
        from.onLoop(from.inOrder(() -> host.accounts().find(user.getLocalpartOrThrow().toString())
                .thenCompose(account -> {
                    if (account.isEmpty()) {
                        return CompletableFuture.completedFuture(Offline.NO_SUCH_USER);
                    }
                    if (type.equals("headline")) {
                        return CompletableFuture.completedFuture(Offline.DROPPED);
                    }
                    return host.offline().store(user, stored).thenApply(kept -> kept ? Offline.STORED : Offline.FULL);
                })), outcome -> {
                    if (outcome == Offline.NO_SUCH_USER || outcome == Offline.FULL) {
                        bounce(from, message, type, StanzaError.SERVICE_UNAVAILABLE);
                    }
                }, message);
    }

    /** What became of a message for a user with no available resource. */
    private enum Offline { STORED, FULL, NO_SUCH_USER, DROPPED }

    /** Available resources with non-negative priority: all of them for headlines, else those of highest priority. */
    private List<Resource> recipients(BareJid user, boolean all) {
        List<Resource> recipients = new ArrayList<>(2);
        int highest = 0;
        for (Resource session : host.sessions().available(user)) {
            int priority = session.priority();
            if (priority < 0) {
                continue;
            }
            if (!all && priority > highest) {
                recipients.clear();
                highest = priority;
            }
            if (all || priority == highest) {
                recipients.add(session);
            }
        }
        return recipients;
    }

    /** A copy of the message with the XEP-0203 delay stamp a stored message carries. */
    private XmlElement stamped(XmlElement message) {
        XmlElement stored = message.copy();
        stored.addChild("delay", DELAY_NAMESPACE).attribute("from", host.domain().toString())
                .attribute("stamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return stored;
    }

    /** Returns an error to the sender, except for error messages, which are never answered with errors. */
    private static void bounce(ClientSession from, XmlElement message, String type, StanzaError condition) {
        if (!type.equals("error")) {
            from.send(Stanzas.error(message, condition));
        }
    }
}
