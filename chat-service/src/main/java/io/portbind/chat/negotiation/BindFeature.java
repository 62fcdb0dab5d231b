package io.portbind.chat.negotiation;

import io.portbind.chat.Host;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.xml.XmlElement;
import java.util.UUID;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resource binding (RFC 6120 section 7). A client that names no resource gets one chosen by the
 * server; a second session with the same full JID replaces the first, which ends with {@code conflict}.
 */
public final class BindFeature implements StreamFeature {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-bind";

    private static final Logger LOG = LoggerFactory.getLogger(BindFeature.class);

    private final Host host;

    public BindFeature(Host host) {
        this.host = host;
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (session.phase() == Phase.AUTHENTICATED) {
            features.addChild("bind", NAMESPACE);
        }
    }

    @Override
    public boolean accepts(ClientSession session, XmlElement element) {
        return session.phase() == Phase.AUTHENTICATED && element.is("iq", Stanzas.CLIENT)
                && "set".equals(element.attribute("type")) && element.child("bind", NAMESPACE).isPresent();
    }

    @Override
    public void handle(ClientSession session, XmlElement iq) {
        String requested = iq.child("bind", NAMESPACE).flatMap(bind -> bind.childText("resource", NAMESPACE))
                .map(String::strip).orElse("");
        EntityFullJid jid;
        try {
            Resourcepart resource = Resourcepart.from(requested.isEmpty() ? UUID.randomUUID().toString() : requested);
            jid = JidCreate.entityFullFrom(session.user(), resource);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            session.send(Stanzas.error(iq, StanzaError.BAD_REQUEST));
            return;
        }
        session.bound(jid);
        LOG.debug("{} bound to {}", session.channel(), jid);
        host.sessions().bind(session).ifPresent(replaced -> replaced.fail(StreamError.CONFLICT));
        XmlElement bind = XmlElement.of("bind", NAMESPACE);
        bind.addTextChild("jid", jid.toString());
        session.send(Stanzas.result(iq, bind));
    }
}
