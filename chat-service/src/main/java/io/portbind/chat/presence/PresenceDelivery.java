package io.portbind.chat.presence;

import io.portbind.chat.Host;
import io.portbind.chat.session.Resource;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterItem;
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
        for (Resource session : host.sessions().available(user)) {
            session.send(presence);
        }
    }

    /** Sends the current presence of each available resource of {@code owner} to one resource, except its own. */
    public void currentPresence(BareJid owner, Resource observer) {
        for (Resource resource : host.sessions().available(owner)) {
            String presence = resource.presenceTo(observer.jid());
            if (presence != null && !resource.jid().equals(observer.jid())) {
                observer.write(presence);
            }
        }
    }

    /** Sends the current presence of each available resource of {@code owner} to every resource of {@code observer}. */
    public void currentPresence(BareJid owner, BareJid observer) {
        for (Resource session : host.sessions().available(observer)) {
            currentPresence(owner, session);
        }
    }

    /** Tells every resource of {@code observer} that each available resource of {@code owner} is gone for it. */
    public void unavailable(BareJid owner, BareJid observer) {
        for (Resource resource : host.sessions().available(owner)) {
            toAvailable(observer, unavailableFrom(resource).attribute("to", observer.toString()));
        }
    }

    /**
     * A resource that vanished without a word, its node having died: every contact subscribed to its user and the
     * user's other resources hear it go, as they would have from a clean logout.
     */
    public void departed(Resource gone) {
        if (!gone.isAvailable()) {
            return;
        }
        XmlElement unavailable = unavailableFrom(gone);
        BareJid user = gone.jid().asBareJid();
        host.rosters().roster(user).thenAccept(roster -> {
            for (RosterItem item : roster.items()) {
                if (item.subscription().contactReceives()) {
                    toAvailable(item.jid(), unavailable);
                }
            }
            toAvailable(user, unavailable);
        });
    }

    public static XmlElement unavailableFrom(Resource resource) {
        return XmlElement.of("presence", Stanzas.CLIENT).attribute("from", resource.jid().toString())
                .attribute("type", "unavailable");
    }
}
