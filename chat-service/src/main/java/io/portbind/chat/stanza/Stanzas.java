package io.portbind.chat.stanza;

import io.portbind.chat.session.ClientSession;
import io.portbind.chat.xml.XmlElement;

/** Building replies to stanzas: IQ results and stanza errors (RFC 6120 sections 8.2.3 and 8.3). */
public final class Stanzas {

    public static final String CLIENT = ClientSession.CLIENT_NAMESPACE;

    private Stanzas() {
    }

    public static XmlElement iq(String type, String id) {
        return XmlElement.of("iq", CLIENT).attribute("type", type).attribute("id", id);
    }

    /** An empty {@code result} for {@code iq}, addressed back to its sender. */
    public static XmlElement result(XmlElement iq) {
        return iq("result", iq.attribute("id")).attribute("to", iq.attribute("from"))
                .attribute("from", iq.attribute("to"));
    }

    /** A {@code result} carrying one payload element. */
    public static XmlElement result(XmlElement iq, XmlElement payload) {
        return result(iq).add(payload);
    }

    /**
     * The error reply to {@code stanza}: same name and id, addresses swapped, original payload
     * dropped (allowed by RFC 6120 section 8.3.1) so errors stay small.
     */
    public static XmlElement error(XmlElement stanza, StanzaError condition) {
        XmlElement reply = XmlElement.of(stanza.name(), CLIENT)
                .attribute("type", "error")
                .attribute("id", stanza.attribute("id"))
                .attribute("to", stanza.attribute("from"))
                .attribute("from", stanza.attribute("to"));
        reply.addChild("error", CLIENT).attribute("type", condition.type())
                .addChild(condition.condition(), StanzaError.NAMESPACE);
        return reply;
    }

    /** The only child element of an IQ get or set, or {@code null} when it has none or several. */
    public static XmlElement payload(XmlElement iq) {
        var elements = iq.elements();
        return elements.size() == 1 ? elements.get(0) : null;
    }
}
