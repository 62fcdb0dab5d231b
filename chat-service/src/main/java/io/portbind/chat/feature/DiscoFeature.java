package io.portbind.chat.feature;

import io.portbind.chat.routing.Addressee;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.StanzaError;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.util.EnumSet;

/**
 * XEP-0030 Service Discovery. The server's info lists the features every installed module
 * registered; an account's info shows it as a registered account. No items are published.
 */
public final class DiscoFeature implements Feature {

    public static final String INFO = "http://jabber.org/protocol/disco#info";
    public static final String ITEMS = "http://jabber.org/protocol/disco#items";

    @Override
    public void install(FeatureRegistry registry) {
        registry.iq("get", INFO, EnumSet.of(Addressee.SERVER), (from, iq, payload) -> {
            if (payload.attribute("node") != null) {
                from.send(Stanzas.error(iq, StanzaError.ITEM_NOT_FOUND));
                return;
            }
            XmlElement query = identity("server", "im", "Portbind chat-service");
            for (String var : registry.discoFeatures()) {
                query.addChild("feature", INFO).attribute("var", var);
            }
            from.send(Stanzas.result(iq, query));
        });
        registry.iq("get", INFO, EnumSet.of(Addressee.SELF, Addressee.ACCOUNT), DiscoFeature::accountInfo);
        registry.iq("get", ITEMS, EnumSet.of(Addressee.SERVER, Addressee.SELF, Addressee.ACCOUNT),
                (from, iq, payload) -> from.send(Stanzas.result(iq, XmlElement.of("query", ITEMS))));
        registry.discoFeature(INFO);
        registry.discoFeature(ITEMS);
    }

    private static void accountInfo(ClientSession from, XmlElement iq, XmlElement payload) {
        XmlElement query = identity("account", "registered", null);
        query.addChild("feature", INFO).attribute("var", INFO);
        from.send(Stanzas.result(iq, query));
    }

    private static XmlElement identity(String category, String type, String name) {
        XmlElement query = XmlElement.of("query", INFO);
        query.addChild("identity", INFO).attribute("category", category).attribute("type", type)
                .attribute("name", name);
        return query;
    }
}
