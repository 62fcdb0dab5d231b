package io.portbind.chat.routing;

import io.portbind.chat.Host;
import io.portbind.chat.feature.FeatureRegistry;
import io.portbind.chat.feature.IqHandler;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import org.jxmpp.jid.FullJid;
import org.jxmpp.jid.Jid;

/**
 * IQ routing (RFC 6120 section 10): requests to full JIDs go to that resource; requests to the
 * server, the sender's account or another account are answered by the handler registered for their
 * type, addressee kind and payload namespace, and with {@code service-unavailable} when there is none.
 */
public final class IqDispatcher {

    private final Host host;
    private final FeatureRegistry registry;

    public IqDispatcher(Host host, FeatureRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    public void dispatch(ClientSession from, XmlElement iq, Jid to) {
        String type = String.valueOf(iq.attribute("type"));
        Addressee addressee = Addressee.of(to, from, host.domain());
        boolean request = type.equals("get") || type.equals("set");
        if (!request) {
            // Results and errors go to the resource that asked; those for the server end here.
            if (addressee == Addressee.FULL && (type.equals("result") || type.equals("error"))) {
                host.sessions().find((FullJid) to).ifPresent(session -> session.send(iq));
            } else if (!type.equals("result") && !type.equals("error")) {
                from.send(Stanzas.error(iq, StanzaError.BAD_REQUEST));
            }
            return;
        }
        if (iq.attribute("id") == null) {
            from.send(Stanzas.error(iq, StanzaError.BAD_REQUEST));
            return;
        }
        switch (addressee) {
            case REMOTE -> from.send(Stanzas.error(iq, StanzaError.REMOTE_SERVER_NOT_FOUND));
            case FULL -> host.sessions().find((FullJid) to).ifPresentOrElse(session -> session.send(iq),
                    () -> from.send(Stanzas.error(iq, StanzaError.SERVICE_UNAVAILABLE)));
            case ACCOUNT -> from.onLoop(host.accounts().find(to.getLocalpartOrThrow().toString()), account -> {
                if (account.isPresent()) {
                    handle(from, iq, type, addressee);
                } else {
                    from.send(Stanzas.error(iq, StanzaError.SERVICE_UNAVAILABLE));
                }
            }, iq);
            default -> handle(from, iq, type, addressee);
        }
    }

    private void handle(ClientSession from, XmlElement iq, String type, Addressee addressee) {
        XmlElement payload = Stanzas.payload(iq);
        if (payload == null) {
            from.send(Stanzas.error(iq, StanzaError.BAD_REQUEST));
            return;
        }
        IqHandler handler = registry.find(type, addressee, payload.namespace());
        if (handler == null) {
            from.send(Stanzas.error(iq, StanzaError.SERVICE_UNAVAILABLE));
        } else {
            handler.handle(from, iq, payload);
        }
    }
}
