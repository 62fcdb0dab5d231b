package io.portbind.chat.feature;

import io.portbind.chat.routing.Addressee;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.util.EnumSet;

/** XEP-0092 Software Version of the server. */
public final class VersionFeature implements Feature {

    public static final String NAMESPACE = "jabber:iq:version";

    @Override
    public void install(FeatureRegistry registry) {
        String version = VersionFeature.class.getPackage().getImplementationVersion();
        registry.iq("get", NAMESPACE, EnumSet.of(Addressee.SERVER), (from, iq, payload) -> {
            XmlElement query = XmlElement.of("query", NAMESPACE)
                    .addTextChild("name", "Portbind chat-service")
                    .addTextChild("version", version == null ? "development build" : version);
            from.send(Stanzas.result(iq, query));
        });
        registry.discoFeature(NAMESPACE);
    }
}
