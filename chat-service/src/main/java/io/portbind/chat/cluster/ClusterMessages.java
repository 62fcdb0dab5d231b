package io.portbind.chat.cluster;

import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The text of what nodes tell each other, fields separated by newlines, which no JID can contain; XML, which
 * may, always comes last. On the broadcast channel: {@code bound}, {@code unbound} and {@code gone}. On a
 * node's own channel: {@code deliver} (a stanza for one of its sessions) and {@code end} (a stream to end).
 */
final class ClusterMessages {

    static final String BOUND = "bound";
    static final String UNBOUND = "unbound";
    static final String GONE = "gone";
    static final String DELIVER = "deliver";
    static final String END = "end";

    private ClusterMessages() {
    }

    /** A resource's entry in its node's resources hash: priority, roster interest, presence XML or nothing. */
    static String entry(ClientSession session) {
        XmlElement presence = session.presence();
        return session.priority() + "\n" + (session.isInterestedInRoster() ? "1" : "0") + "\n"
                + (presence == null ? "" : presence.toXml(Stanzas.CLIENT));
    }

    static RemoteResource resource(String node, String jid, String entry, ClusterNode bus) {
        String[] fields = entry.split("\n", 3);
        return new RemoteResource(fullJid(jid), node, Integer.parseInt(fields[0]), fields[1].equals("1"),
                fields[2].isEmpty() ? null : fields[2], bus);
    }

    static String bound(String node, ClientSession session) {
        return BOUND + "\n" + node + "\n" + session.jid() + "\n" + entry(session);
    }

    static String unbound(String node, EntityFullJid jid) {
        return UNBOUND + "\n" + node + "\n" + jid;
    }

    static String gone(String node) {
        return GONE + "\n" + node;
    }

    static String deliver(EntityFullJid jid, String xml) {
        return DELIVER + "\n" + jid + "\n" + xml;
    }

    static String end(EntityFullJid jid, String condition) {
        return END + "\n" + jid + "\n" + condition;
    }

    /** The message's fields: its kind first; with {@code limit}, the last field keeps any newlines. */
    static String[] fields(String message, int limit) {
        return message.split("\n", limit);
    }

    static String kind(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static EntityFullJid fullJid(String text) {
        return JidCreate.entityFullFromOrThrowUnchecked(text);
    }
}
