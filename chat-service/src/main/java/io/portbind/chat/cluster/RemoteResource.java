package io.portbind.chat.cluster;

import io.portbind.chat.session.Resource;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.xml.Xml;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * A resource bound on another node, as that node last announced it. Stanzas for it are published to that
 * node's channel, which writes them to the client.
 *
 * @param node      the id of the node its connection is on
 * @param presence  its last broadcast available presence as XML without a {@code to}, {@code null} while
 *                  unavailable
 */
record RemoteResource(EntityFullJid jid, String node, int priority, boolean isInterestedInRoster, String presence,
                      ClusterNode bus) implements Resource {

    @Override
    public boolean isAvailable() {
        return presence != null;
    }

    /**
     * The presence with {@code to} added. It is XML this server wrote ({@code <presence ...}) from a broadcast,
     * which never has a {@code to}, so adding the attribute after the element name is all it takes.
     */
    @Override
    public String presenceTo(Jid observer) {
        if (presence == null || !presence.startsWith("<presence ")) {
            return presence;
        }
        int afterName = "<presence".length();
        StringBuilder out = new StringBuilder(presence.length() + 64).append(presence, 0, afterName).append(" to='");
        Xml.escape(observer.toString(), out);
        return out.append('\'').append(presence, afterName, presence.length()).toString();
    }

    @Override
    public void write(String xml) {
        bus.deliver(node, jid, xml);
    }

    @Override
    public void fail(StreamError condition) {
        bus.end(node, jid, condition);
    }
}
