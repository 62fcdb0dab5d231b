package io.portbind.chat.session;

import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.xml.XmlElement;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;

/**
 * A bound resource as routing sees it, wherever its connection is: a {@link ClientSession} of this node, or
 * a session of another node of the same server, reached through the store's pub/sub. Stanzas are handed to
 * it as XML text, which is all another node needs to write them to its client.
 */
public interface Resource {

    EntityFullJid jid();

    /** Whether it sent available presence. */
    boolean isAvailable();

    int priority();

    /** Whether its client asked for the roster and so receives roster pushes (RFC 6121 section 2.1.6). */
    boolean isInterestedInRoster();

    /** Its last available presence addressed to {@code observer}, as XML; {@code null} while unavailable. */
    String presenceTo(Jid observer);

    /** Writes a stanza, as XML text, to its client; safe from any thread. */
    void write(String xml);

    /** Ends its stream with {@code condition}; safe from any thread. */
    void fail(StreamError condition);

    default void send(XmlElement stanza) {
        write(stanza.toXml(Stanzas.CLIENT));
    }
}
