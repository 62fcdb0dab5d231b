package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Messages between users and resources, as Smack clients see them. */
class MessagingTest {

    private static ChatTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ChatTestServer.start(Map.of("CHAT_ACCOUNTS", XmppClients.accountsFile("romeo:wherefore",
                "juliet:balcony", "nurse:errands", "friar:potion").toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void romeoSendsChatToJulietsBareJidAndJulietReceivesItFromRomeosFullJid() throws Exception {
        XMPPTCPConnection romeo = XmppClients.login(server, "romeo", "wherefore", "phone");
        XMPPTCPConnection juliet = XmppClients.login(server, "juliet", "balcony", "balcony");
        try {
            Inbox<Message> julietReceives = Inbox.of(juliet, MessageTypeFilter.CHAT);
            romeo.sendStanza(chat(romeo, "juliet@localhost", "But soft, what light"));
            Message received = julietReceives.next();
            assertEquals("But soft, what light", received.getBody());
            assertEquals("romeo@localhost/phone", received.getFrom().toString());
        } finally {
            romeo.disconnect();
            juliet.disconnect();
        }
    }

    @Test
    void julietsTwoResourcesTalkToEachOtherByFullJid() throws Exception {
        XMPPTCPConnection laptop = XmppClients.login(server, "juliet", "balcony", "laptop");
        XMPPTCPConnection tablet = XmppClients.login(server, "juliet", "balcony", "tablet");
        try {
            Inbox<Message> tabletReceives = Inbox.of(tablet, MessageTypeFilter.NORMAL_OR_CHAT);
            laptop.sendStanza(chat(laptop, "juliet@localhost/tablet", "note to self"));
            Message received = tabletReceives.next();
            assertEquals("note to self", received.getBody());
            assertEquals("juliet@localhost/laptop", received.getFrom().toString());
        } finally {
            laptop.disconnect();
            tablet.disconnect();
        }
    }

    @Test
    void nurseWritesWhileFriarIsOfflineAndFriarReceivesItOnLogin() throws Exception {
        XMPPTCPConnection nurse = XmppClients.login(server, "nurse", "errands", "market");
        try {
            nurse.sendStanza(chat(nurse, "friar@localhost", "Hie you to church"));
            // A ping round trip proves the message went through the server before the friar logs in.
            PingManager.getInstanceFor(nurse).pingMyServer();
        } finally {
            nurse.disconnect();
        }
        XMPPTCPConnection friar = new XMPPTCPConnection(XmppClients.configuration(server)
                .setUsernameAndPassword("friar", "potion").setResource("cell").build());
        Inbox<Message> friarReceives = Inbox.of(friar, StanzaTypeFilter.MESSAGE);
        try {
            friar.connect().login();
            Message stored = friarReceives.next();
            assertEquals("Hie you to church", stored.getBody());
            assertEquals("nurse@localhost/market", stored.getFrom().toString());
            assertNotNull(stored.getExtension(DelayInformation.class), "offline delivery carries a delay stamp");
        } finally {
            friar.disconnect();
        }
    }

    @Test
    void romeoWritesToSomeoneWhoDoesNotExistAndGetsServiceUnavailable() throws Exception {
        XMPPTCPConnection romeo = XmppClients.login(server, "romeo", "wherefore", "desk");
        try {
            Inbox<Message> errors = Inbox.of(romeo, MessageTypeFilter.ERROR);
            romeo.sendStanza(chat(romeo, "rosalind@localhost", "hello?"));
            assertEquals(StanzaError.Condition.service_unavailable, errors.next().getError().getCondition());
            romeo.sendStanza(chat(romeo, "someone@elsewhere.example", "hello?"));
            assertEquals(StanzaError.Condition.remote_server_not_found, errors.next().getError().getCondition());
        } finally {
            romeo.disconnect();
        }
    }

    @Test
    void aMessageToJulietsBareJidGoesToHerHighestPriorityResource_headlinesToAllNonNegative() throws Exception {
        XMPPTCPConnection romeo = XmppClients.login(server, "romeo", "wherefore", "letters");
        XMPPTCPConnection phone = XmppClients.login(server, "juliet", "balcony", "phone");
        XMPPTCPConnection desk = XmppClients.login(server, "juliet", "balcony", "desk");
        XMPPTCPConnection hidden = XmppClients.login(server, "juliet", "balcony", "hidden");
        try {
            Inbox<Message> phoneReceives = Inbox.of(phone, StanzaTypeFilter.MESSAGE);
            Inbox<Message> deskReceives = Inbox.of(desk, StanzaTypeFilter.MESSAGE);
            Inbox<Message> hiddenReceives = Inbox.of(hidden, StanzaTypeFilter.MESSAGE);
            phone.sendStanza(phone.getStanzaFactory().buildPresenceStanza().setPriority(1).build());
            desk.sendStanza(desk.getStanzaFactory().buildPresenceStanza().setPriority(5).build());
            hidden.sendStanza(hidden.getStanzaFactory().buildPresenceStanza().setPriority(-1).build());
            for (XMPPTCPConnection resource : new XMPPTCPConnection[] {phone, desk, hidden}) {
                PingManager.getInstanceFor(resource).pingMyServer();
            }

            romeo.sendStanza(chat(romeo, "juliet@localhost", "to the one at her desk"));
            assertEquals("to the one at her desk", deskReceives.next().getBody());

            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza().ofType(Message.Type.headline)
                    .to(JidCreate.from("juliet@localhost")).setBody("news").build());
            assertEquals("news", deskReceives.next().getBody());
            assertEquals("news", phoneReceives.next().getBody());
            phoneReceives.expectNothing();
            hiddenReceives.expectNothing();
        } finally {
            romeo.disconnect();
            phone.disconnect();
            desk.disconnect();
            hidden.disconnect();
        }
    }

    private static Message chat(XMPPTCPConnection from, String to, String body) throws Exception {
        return from.getStanzaFactory().buildMessageStanza().ofType(Message.Type.chat).to(JidCreate.from(to))
                .setBody(body).build();
    }
}
