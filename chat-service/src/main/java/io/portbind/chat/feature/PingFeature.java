package io.portbind.chat.feature;

import io.portbind.chat.routing.Addressee;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * XEP-0199 XMPP Ping: the server answers pings to itself and to the sender's own account, and pings
 * clients itself to learn whether a silent one is still there.
 */
public final class PingFeature implements Feature {

    public static final String NAMESPACE = "urn:xmpp:ping";
    private static final AtomicLong IDS = new AtomicLong();

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("get", NAMESPACE, EnumSet.of(Addressee.SERVER, Addressee.SELF),
                (from, iq, payload) -> from.send(Stanzas.result(iq)));
        registry.discoFeature(NAMESPACE);
    }

    /** A ping from the server to one client (XEP-0199 section 4.2); any answer, even an error, shows it is alive. */
    public static XmlElement request(DomainBareJid server, EntityFullJid client) {
        XmlElement iq = Stanzas.iq("get", "ping" + IDS.incrementAndGet()).attribute("from", server.toString())
                .attribute("to", client.toString());
        iq.addChild("ping", NAMESPACE);
        return iq;
    }
}
