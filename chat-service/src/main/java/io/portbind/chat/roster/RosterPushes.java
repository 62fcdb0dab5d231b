package io.portbind.chat.roster;

import io.portbind.chat.Host;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterChange;
import io.portbind.chat.xml.XmlElement;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.BareJid;

/**
 * Roster pushes (RFC 6121 section 2.1.6): every change to a listed item goes to each of the owner's
 * resources that asked for the roster, with the new version.
 */
public final class RosterPushes {

    private final Host host;
    private final AtomicLong ids = new AtomicLong();

    public RosterPushes(Host host) {
        this.host = host;
    }

    public void push(BareJid owner, RosterChange change) {
        XmlElement item;
        if (change.after().listed() && !change.after().isEmpty()) {
            item = RosterXml.item(change.after());
        } else if (change.before().listed()) {
            item = RosterXml.removed(change.before());
        } else {
            return;
        }
        if (!change.changed()) {
            return;
        }
        for (ClientSession session : host.sessions().sessions(owner)) {
            if (session.isInterestedInRoster()) {
                XmlElement push = Stanzas.iq("set", "push" + ids.incrementAndGet())
                        .attribute("to", session.jid().toString());
                push.add(RosterXml.query(change.version()).add(item.copy()));
                session.send(push);
            }
        }
    }
}
