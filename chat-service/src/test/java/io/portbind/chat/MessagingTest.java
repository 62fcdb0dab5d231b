package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;

/** Messages between users and resources, as Smack clients see them. */
class MessagingTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("romeo:wherefore", "juliet:balcony",
            "nurse:errands", "friar:potion", "apothecary:poison");

    @Test
    void romeoSendsChatToJulietsBareJid_julietReceivesItFromRomeosFullJid() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "phone");
        XMPPTCPConnection juliet = chat.login("juliet", "balcony", "balcony");
        Inbox<Message> julietReceives = Inbox.of(juliet, MessageTypeFilter.CHAT);

        romeo.sendStanza(message(romeo, Message.Type.chat, "juliet@localhost", "But soft, what light"));

        Message received = julietReceives.next();
        assertEquals("But soft, what light", received.getBody());
        assertEquals("romeo@localhost/phone", received.getFrom().toString());
    }

    @Test
    void julietsLaptopWritesToHerTabletByFullJid() throws Exception {
        XMPPTCPConnection laptop = chat.login("juliet", "balcony", "laptop");
        XMPPTCPConnection tablet = chat.login("juliet", "balcony", "tablet");
        Inbox<Message> tabletReceives = Inbox.of(tablet, MessageTypeFilter.NORMAL_OR_CHAT);

        laptop.sendStanza(message(laptop, Message.Type.normal, "juliet@localhost/tablet", "note to self"));

        Message received = tabletReceives.next();
        assertEquals("note to self", received.getBody());
        assertEquals("juliet@localhost/laptop", received.getFrom().toString());
    }

    @Test
    void nurseWritesWhileFriarIsOffline_friarReceivesItWhenHeComesOnline() throws Exception {
        XMPPTCPConnection nurse = chat.login("nurse", "errands", "market");
        nurse.sendStanza(message(nurse, Message.Type.chat, "friar@localhost", "Hie you to church"));
        // The ping's answer shows the message went through the server before the friar logs in.
        PingManager.getInstanceFor(nurse).pingMyServer();
        nurse.disconnect();

        Message stored = firstMessageAtLogin("friar", "potion", "cell");
        assertEquals("Hie you to church", stored.getBody());
        assertEquals("nurse@localhost/market", stored.getFrom().toString());
        assertNotNull(stored.getExtension(DelayInformation.class), "offline delivery carries a delay stamp");
    }

    @Test
    void romeoWritesToTheApothecarysShopResourceWhileHeIsOffline_heReceivesItWhenHeComesOnlineAtHome()
            throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "mantua");
        romeo.sendStanza(message(romeo, Message.Type.chat, "apothecary@localhost/shop", "I will pay thy poverty"));
        PingManager.getInstanceFor(romeo).pingMyServer();

        Message stored = firstMessageAtLogin("apothecary", "poison", "home");
        assertEquals("I will pay thy poverty", stored.getBody());
        assertEquals("romeo@localhost/mantua", stored.getFrom().toString());
        assertNotNull(stored.getExtension(DelayInformation.class), "it waited in offline storage");
    }

    @Test
    void romeoWritesToSomeoneWhoDoesNotExist_andGetsTheErrorsOfRfc6121() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "desk");
        Inbox<Message> errors = Inbox.of(romeo, MessageTypeFilter.ERROR);

        romeo.sendStanza(message(romeo, Message.Type.chat, "rosalind@localhost", "hello?"));
        assertEquals(StanzaError.Condition.service_unavailable, errors.next().getError().getCondition());

        romeo.sendStanza(message(romeo, Message.Type.chat, "someone@elsewhere.example", "hello?"));
        assertEquals(StanzaError.Condition.remote_server_not_found, errors.next().getError().getCondition());
    }

    @Test
    void aMessageToJulietsBareJidGoesToHerHighestPriorityResource_headlinesToAllNonNegative() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "letters");
        XMPPTCPConnection phone = chat.login("juliet", "balcony", "phone");
        XMPPTCPConnection desk = chat.login("juliet", "balcony", "desk");
        XMPPTCPConnection hidden = chat.login("juliet", "balcony", "hidden");
        Inbox<Message> phoneReceives = Inbox.of(phone, StanzaTypeFilter.MESSAGE);
        Inbox<Message> deskReceives = Inbox.of(desk, StanzaTypeFilter.MESSAGE);
        Inbox<Message> hiddenReceives = Inbox.of(hidden, StanzaTypeFilter.MESSAGE);
        phone.sendStanza(phone.getStanzaFactory().buildPresenceStanza().setPriority(1).build());
        desk.sendStanza(desk.getStanzaFactory().buildPresenceStanza().setPriority(5).build());
        hidden.sendStanza(hidden.getStanzaFactory().buildPresenceStanza().setPriority(-1).build());
        for (XMPPTCPConnection resource : new XMPPTCPConnection[] {phone, desk, hidden}) {
            PingManager.getInstanceFor(resource).pingMyServer();
        }

        romeo.sendStanza(message(romeo, Message.Type.chat, "juliet@localhost", "to the one at her desk"));
        assertEquals("to the one at her desk", deskReceives.next().getBody());

        romeo.sendStanza(message(romeo, Message.Type.headline, "juliet@localhost", "news"));
        assertEquals("news", deskReceives.next().getBody());
        assertEquals("news", phoneReceives.next().getBody());
        phoneReceives.expectNothing();
        hiddenReceives.expectNothing();
    }

    /** Logs {@code user} in with a listener already in place, and returns the first message it is handed. */
    private static Message firstMessageAtLogin(String user, String password, String resource) throws Exception {
        XMPPTCPConnection connection = chat.notYetConnected(user, password, resource);
        Inbox<Message> receives = Inbox.of(connection, StanzaTypeFilter.MESSAGE);
        connection.connect().login();
        return receives.next();
    }

    private static Message message(XMPPTCPConnection from, Message.Type type, String to, String body)
            throws Exception {
        return from.getStanzaFactory().buildMessageStanza().ofType(type).to(JidCreate.from(to)).setBody(body).build();
    }
}
