package io.portbind.chat.roster;

import io.portbind.chat.Host;
import io.portbind.chat.session.Resource;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.store.RosterChange;
import io.portbind.chat.xml.XmlElement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.BareJid;

/**
 * Roster pushes (RFC 6121 section 2.1.6): every change to a listed item goes to each of the owner's
 * resources that asked for the roster, with the new version. Changes to one roster can be made on
 * several event loops at once, so pushes could reach a client out of order; a push older than one
 * already sent for the same item is dropped, since that item's newer state is already on its way.
 */
public final class RosterPushes {

    private final Host host;
    private final AtomicLong ids = new AtomicLong();
    /** Per owner, the version of the latest push sent for each contact. */
    private final ConcurrentMap<BareJid, Map<BareJid, Long>> pushedVersions = new ConcurrentHashMap<>();

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
        Map<BareJid, Long> versions = pushedVersions.computeIfAbsent(owner, ignored -> new HashMap<>());
        synchronized (versions) {
            Long pushed = versions.get(change.after().jid());
            if (pushed != null && pushed > change.version()) {
                return;
            }
            versions.put(change.after().jid(), change.version());
            for (Resource session : host.sessions().sessions(owner)) {
                if (session.isInterestedInRoster()) {
                    XmlElement push = Stanzas.iq("set", "push" + ids.incrementAndGet())
                            .attribute("to", session.jid().toString());
                    push.add(RosterXml.query(change.version()).add(item.copy()));
                    session.send(push);
                }
            }
        }
    }
}
