package io.portbind.chat;

import static io.portbind.chat.Eventually.assertEventually;
import static io.portbind.chat.SubscriptionTest.befriend;
import static io.portbind.chat.SubscriptionTest.presenceOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Two nodes with one domain and one store act as one server: Romeo on node A and Juliet on node B subscribe
 * to each other, see each other's presence and chat (what was sent while they were away, after both nodes
 * restart, is in {@link StatelessNodesContract}); a second session with the same full JID on the other node replaces the first; a node that
 * stops cleanly says goodbye for its users. Run over kv-service and over redis-server.
 */
abstract class TwoNodesContract extends OverSharedStore {

    @Test
    void romeoOnA_julietOnB_befriendEachOther_seeEachOther_andChat() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            Lovers lovers = romeoOnAJulietOnB(nodes);
            XMPPTCPConnection romeo = lovers.romeo();
            XMPPTCPConnection juliet = lovers.juliet();
            assertEventually("Juliet sees Romeo online", () -> presenceOf(juliet, "romeo@localhost").isAvailable());
            juliet.sendStanza(juliet.getStanzaFactory().buildPresenceStanza().setMode(Presence.Mode.away).build());
            assertEventually("Romeo sees Juliet away",
                    () -> presenceOf(romeo, "juliet@localhost").getMode() == Presence.Mode.away);

            Inbox<Message> julietsInbox = Inbox.of(juliet, MessageTypeFilter.CHAT);
            Inbox<Message> romeosInbox = Inbox.of(romeo, MessageTypeFilter.CHAT);
            for (int i = 1; i <= 20; i++) {
                romeo.sendStanza(chat(romeo, "juliet@localhost", "line " + i));
            }
            for (int i = 1; i <= 20; i++) {
                Message line = julietsInbox.next();
                assertEquals("line " + i, line.getBody(), "in the order sent");
                assertEquals("romeo@localhost/garden", line.getFrom().toString());
            }
            juliet.sendStanza(chat(juliet, "romeo@localhost/garden", "Good night"));
            assertEquals("Good night", romeosInbox.next().getBody());

            XMPPTCPConnection romeoInMantua = nodes.login(lovers.b(), "romeo", "r", "mantua");
            assertEventually("Romeo's new resource on B learns Juliet's presence",
                    () -> presenceOf(romeoInMantua, "juliet@localhost").getMode() == Presence.Mode.away);
            BareJid romeosAddress = JidCreate.bareFrom("romeo@localhost");
            assertEventually("and Juliet sees it", () -> Roster.getInstanceFor(juliet)
                    .getAvailablePresences(romeosAddress).size() == 2);

            juliet.disconnect();
            assertEventually("Romeo sees Juliet leave", () -> !presenceOf(romeo, "juliet@localhost").isAvailable());
        }
    }

    @Test
    void julietSendsWithGoSendxmppThroughB_romeoOnAReceivesWithSmack(@TempDir Path home) throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            ChatTestServer b = nodes.start();
            nodes.registerRomeoAndJuliet(a);
            XMPPTCPConnection romeo = nodes.login(a, "romeo", "r", "garden");
            Inbox<Message> romeoReceives = Inbox.of(romeo, StanzaTypeFilter.MESSAGE);

            GoSendxmpp.send(home, b.port(), b.certificate(), "juliet@localhost", "j", "romeo@localhost",
                    "Parting is such sweet sorrow");

            Message received = romeoReceives.next();
            assertEquals("Parting is such sweet sorrow", received.getBody().strip());
            assertTrue(received.getFrom().toString().startsWith("juliet@localhost/"), received.toXML().toString());
        }
    }

    @Test
    void julietBindsBalconyOnB_whileBalconyIsBoundOnA_theSessionOnAEndsWithConflict() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of("CHAT_ALLOW_PLAINTEXT", "true"));
             RawXmppClient onA = new RawXmppClient(startedWithAccount(nodes).port())
                     .login("juliet", "j", "balcony")) {
            ChatTestServer b = nodes.start();
            Thread.sleep(300);
            try (RawXmppClient onB = new RawXmppClient(b.port()).login("juliet", "j", "balcony")) {
                String ended = onA.awaitReceived("</stream:stream>");
                assertTrue(ended.contains("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                        ended);
                assertTrue(onA.awaitClosed());
                onB.send("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
                assertTrue(onB.awaitReceived("/>").contains("type='result' id='p1'"), "the new session goes on");
            }
        }
    }

    @Test
    void nodeBStopsCleanly_romeoOnASeesJulietGoAtOnce() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            Lovers lovers = romeoOnAJulietOnB(nodes);
            XMPPTCPConnection romeo = lovers.romeo();

            lovers.b().close();
            assertEventually("Romeo sees Juliet leave as B stops",
                    () -> !presenceOf(romeo, "juliet@localhost").isAvailable());
        }
    }

    /** Two nodes, Romeo logged in to A and Juliet to B, subscribed to each other, Romeo seeing Juliet online. */
    private static Lovers romeoOnAJulietOnB(ChatNodes nodes) throws Exception {
        ChatTestServer a = nodes.start();
        ChatTestServer b = nodes.start();
        nodes.registerRomeoAndJuliet(a);
        XMPPTCPConnection romeo = nodes.login(a, "romeo", "r", "garden");
        XMPPTCPConnection juliet = nodes.login(b, "juliet", "j", "balcony");
        befriend(romeo, "romeo@localhost", juliet, "juliet@localhost");
        assertEventually("Romeo sees Juliet online", () -> presenceOf(romeo, "juliet@localhost").isAvailable());
        return new Lovers(a, b, romeo, juliet);
    }

    private record Lovers(ChatTestServer a, ChatTestServer b, XMPPTCPConnection romeo, XMPPTCPConnection juliet) {
    }

    private static ChatTestServer startedWithAccount(ChatNodes nodes) throws Exception {
        ChatTestServer node = nodes.start();
        nodes.register(node, "juliet", "j");
        return node;
    }

    static Message chat(XMPPTCPConnection from, String to, String body) throws Exception {
        Jid recipient = JidCreate.from(to);
        return from.getStanzaFactory().buildMessageStanza().to(recipient).ofType(Message.Type.chat).setBody(body)
                .build();
    }
}
