package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A client not written in Java: go-sendxmpp logs in over STARTTLS and sends a message a Smack client receives. */
class GoSendxmppTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("romeo:wherefore", "juliet:balcony");

    @TempDir
    Path home;

    @Test
    void julietSendsWithGoSendxmpp_romeoReceivesWithSmack() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "garden");
        Inbox<Message> romeoReceives = Inbox.of(romeo, StanzaTypeFilter.MESSAGE);

        GoSendxmpp.send(home, chat.port(), chat.server().certificate(), "juliet@localhost", "balcony",
                "romeo@localhost", "Parting is such sweet sorrow");

        Message received = romeoReceives.next();
        assertEquals("Parting is such sweet sorrow", received.getBody().strip());
        assertTrue(received.getFrom().toString().startsWith("juliet@localhost/"), received.toXML().toString());
    }
}
