package io.portbind.chat.presence;

import io.portbind.chat.Host;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import org.jxmpp.jid.BareJid;

/** Putting presence stanzas in front of the available resources of a local user. */
public final class PresenceDelivery {

    private final Host host;

    public PresenceDelivery(Host host) {
        this.host = host;
    }

    /** Sends {@code presence} to every available resource of {@code user}. */
    public void toAvailable(BareJid user, XmlElement presence) {
        for (ClientSession session : host.sessions().available(user)) {
            session.send(presence);
        }
    }

    /** Sends the current presence of each available resource of {@code owner} to one session, except its own. */
    public void currentPresence(BareJid owner, ClientSession observer) {
        for (ClientSession resource : host.sessions().available(owner)) {
            XmlElement presence = resource.presence();
            if (presence != null && resource != observer) {
                observer.send(presence.copy().attribute("to", observer.jid().toString()));
            }
        }
    }

    /** Sends the current presence of each available resource of {@code owner} to every resource of {@code observer}. */
    public void currentPresence(BareJid owner, BareJid observer) {
        for (ClientSession session : host.sessions().available(observer)) {
            currentPresence(owner, session);
        }
    }

    /** Tells every resource of {@code observer} that each available resource of {@code owner} is gone for it. */
    public void unavailable(BareJid owner, BareJid observer) {
        for (ClientSession resource : host.sessions().available(owner)) {
            toAvailable(observer, unavailableFrom(resource).attribute("to", observer.toString()));
        }
    }

    public static XmlElement unavailableFrom(ClientSession resource) {
        return XmlElement.of("presence", Stanzas.CLIENT).attribute("from", resource.jid().toString())
                .attribute("type", "unavailable");
    }
}
