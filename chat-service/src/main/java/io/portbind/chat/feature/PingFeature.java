package io.portbind.chat.feature;

import io.portbind.chat.routing.Addressee;
import io.portbind.chat.stanza.Stanzas;
import java.util.EnumSet;

/** XEP-0199 XMPP Ping: the server answers pings to itself and to the sender's own account. */
public final class PingFeature implements Feature {

    public static final String NAMESPACE = "urn:xmpp:ping";

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("get", NAMESPACE, EnumSet.of(Addressee.SERVER, Addressee.SELF),
                (from, iq, payload) -> from.send(Stanzas.result(iq)));
        registry.discoFeature(NAMESPACE);
    }
}
