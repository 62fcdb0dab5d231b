package io.portbind.chat.feature;

import io.portbind.chat.negotiation.StreamFeature;
import io.portbind.chat.routing.Addressee;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.util.EnumSet;

/**
 * Session establishment from RFC 3921, which RFC 6121 dropped but older clients still send: it is
 * advertised as optional and answered with an empty result.
 */
public final class LegacySessionFeature implements Feature, StreamFeature {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-session";

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("set", NAMESPACE, EnumSet.of(Addressee.SERVER, Addressee.SELF),
                (from, iq, payload) -> from.send(Stanzas.result(iq)));
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (session.phase() == Phase.AUTHENTICATED) {
            features.addChild("session", NAMESPACE).addChild("optional", NAMESPACE);
        }
    }
}
