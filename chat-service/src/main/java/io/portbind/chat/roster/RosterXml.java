package io.portbind.chat.roster;

import io.portbind.chat.store.RosterItem;
import io.portbind.chat.xml.XmlElement;

/** Roster items as {@code jabber:iq:roster} XML (RFC 6121 section 2.1.2). */
final class RosterXml {

    static final String NAMESPACE = "jabber:iq:roster";

    private RosterXml() {
    }

    static XmlElement item(RosterItem item) {
        XmlElement element = XmlElement.of("item", NAMESPACE)
                .attribute("jid", item.jid().toString())
                .attribute("name", item.name())
                .attribute("subscription", item.subscription().attribute());
        if (item.askOut()) {
            element.attribute("ask", "subscribe");
        }
        if (item.preApproved()) {
            element.attribute("approved", "true");
        }
        for (String group : item.groups()) {
            element.addTextChild("group", group);
        }
        return element;
    }

    static XmlElement removed(RosterItem item) {
        return XmlElement.of("item", NAMESPACE).attribute("jid", item.jid().toString())
                .attribute("subscription", "remove");
    }

    static XmlElement query(long version) {
        return XmlElement.of("query", NAMESPACE).attribute("ver", Long.toString(version));
    }
}
