package io.portbind.chat.routing;

import io.portbind.chat.Host;
import io.portbind.chat.presence.PresenceBroker;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Where stanzas from a bound client go. Stamps each with the sender's full JID, whatever
 * {@code from} the client wrote (RFC 6120 section 8.1.2.1), parses {@code to}, and passes messages,
 * presence and IQs to their routers.
 */
public final class StanzaRouter {

    private final Host host;
    private final MessageRouter messages;
    private final PresenceBroker presence;
    private final IqDispatcher iqs;

    public StanzaRouter(Host host, MessageRouter messages, PresenceBroker presence, IqDispatcher iqs) {
        this.host = host;
        this.messages = messages;
        this.presence = presence;
        this.iqs = iqs;
    }

    /** Routes a stanza; {@code false} when the element is no stanza at all. */
    public boolean route(ClientSession from, XmlElement stanza) {
        if (!stanza.namespace().equals(Stanzas.CLIENT)) {
            return false;
        }
        String name = stanza.name();
        if (!name.equals("message") && !name.equals("presence") && !name.equals("iq")) {
            return false;
        }
        stanza.attribute("from", from.jid().toString());
        Jid to = null;
        String toText = stanza.attribute("to");
        if (toText != null) {
            try {
                to = JidCreate.from(toText);
            } catch (XmppStringprepException | IllegalArgumentException e) {
                if (!"error".equals(stanza.attribute("type"))) {
                    from.send(Stanzas.error(stanza, StanzaError.JID_MALFORMED));
                }
                return true;
            }
        }
        switch (name) {
            case "message" -> messages.route(from, stanza, to);
            case "presence" -> presence.handle(from, stanza, to);
            default -> iqs.dispatch(from, stanza, to);
        }
        return true;
    }

    /** A bound session's connection closed. */
    public void disconnected(ClientSession session) {
        host.sessions().unbind(session);
        presence.disconnected(session);
    }
}
