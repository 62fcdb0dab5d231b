package io.portbind.chat;

import static io.portbind.chat.Eventually.assertEventually;
import static io.portbind.chat.SubscriptionTest.entry;
import static io.portbind.chat.SubscriptionTest.presence;
import static io.portbind.chat.SubscriptionTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/** Roster management from Smack: adding, renaming, removing, with pushes reaching every resource. */
class RosterTest {

    private static ChatTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ChatTestServer.start(Map.of("CHAT_ACCOUNTS",
                XmppClients.accountsFile("romeo:r", "friar:f", "juliet:j").toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void romeoAddsTheFriarOnHisPhone_andHisLaptopSeesItToo_thenRemovesHim() throws Exception {
        XMPPTCPConnection phone = XmppClients.login(server, "romeo", "r", "phone");
        XMPPTCPConnection laptop = XmppClients.login(server, "romeo", "r", "laptop");
        try {
            Roster.getInstanceFor(laptop).reloadAndWait();
            Roster.getInstanceFor(phone).createItem(JidCreate.bareFrom("friar@localhost"), "Friar Laurence",
                    new String[] {"Church"});
            assertEventually("the laptop has the friar", () -> entry(laptop, "friar@localhost") != null);
            assertEquals("Friar Laurence", entry(laptop, "friar@localhost").getName());
            assertEquals("Church", entry(laptop, "friar@localhost").getGroups().get(0).getName());
            assertEquals(ItemType.none, type(laptop, "friar@localhost"));

            Roster.getInstanceFor(phone).removeEntry(entry(phone, "friar@localhost"));
            assertEventually("the laptop no longer has the friar", () -> entry(laptop, "friar@localhost") == null);
        } finally {
            phone.disconnect();
            laptop.disconnect();
        }
    }

    @Test
    void julietRemovesRomeo_andRomeoLosesTheSubscriptionBothWays() throws Exception {
        XMPPTCPConnection juliet = XmppClients.login(server, "juliet", "j", "tomb");
        XMPPTCPConnection romeo = XmppClients.login(server, "romeo", "r", "tomb");
        try {
            juliet.sendStanza(presence(juliet, Presence.Type.subscribe, "romeo@localhost"));
            romeo.sendStanza(presence(romeo, Presence.Type.subscribed, "juliet@localhost"));
            romeo.sendStanza(presence(romeo, Presence.Type.subscribe, "juliet@localhost"));
            juliet.sendStanza(presence(juliet, Presence.Type.subscribed, "romeo@localhost"));
            assertEventually("both ways", () -> type(romeo, "juliet@localhost") == ItemType.both);

            Inbox<Presence> romeoHearsUnsubscribed = Inbox.of(romeo, PresenceTypeFilter.UNSUBSCRIBED);
            Roster.getInstanceFor(juliet).removeEntry(entry(juliet, "romeo@localhost"));
            assertEquals("juliet@localhost", romeoHearsUnsubscribed.next().getFrom().toString());
            assertEventually("Romeo's item is none", () -> type(romeo, "juliet@localhost") == ItemType.none);
        } finally {
            juliet.disconnect();
            romeo.disconnect();
        }
    }
}
