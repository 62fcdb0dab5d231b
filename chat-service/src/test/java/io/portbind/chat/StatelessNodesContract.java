package io.portbind.chat;

import static io.portbind.chat.SubscriptionTest.befriend;
import static io.portbind.chat.SubscriptionTest.entry;
import static io.portbind.chat.SubscriptionTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Every node keeps its state in the shared store, so stopping every process loses nothing: accounts made
 * through one node log in through another, rosters and offline messages are there after all nodes restart,
 * and the registration limit and the login backoff count across nodes. Run over kv-service and over redis-server.
 */
abstract class StatelessNodesContract extends OverSharedStore {

    @Test
    void romeoRegistersThroughNodeA_andLogsInThroughNodeB() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            ChatTestServer b = nodes.start();
            nodes.register(a, "romeo", "montague");
            nodes.login(b, "romeo", "montague", "orchard");
        }
    }

    @Test
    void romeoAndJulietBefriendEachOther_theirRostersSurviveRestartingEveryNode() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            nodes.registerRomeoAndJuliet(a);
            befriend(nodes.login(a, "romeo", "r", "garden"), "romeo@localhost",
                    nodes.login(a, "juliet", "j", "balcony"), "juliet@localhost");

            nodes.stopAll();
            ChatTestServer restarted = nodes.start();
            XMPPTCPConnection juliet = nodes.login(restarted, "juliet", "j", "balcony");
            assertEquals(ItemType.both, type(juliet, "romeo@localhost"));
            assertEquals(1, Roster.getInstanceFor(juliet).getEntries().size());
            assertEquals(ItemType.both, entry(nodes.login(restarted, "romeo", "r", "garden"),
                    "juliet@localhost").getType());
        }
    }

    @Test
    void romeoOnAWritesToJulietWhileSheIsAway_bothNodesRestart_sheReadsItOnB_inOrder() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            nodes.start();
            nodes.registerRomeoAndJuliet(a);
            XMPPTCPConnection romeo = nodes.login(a, "romeo", "r", "garden");
            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(
                    "juliet@localhost")).ofType(Message.Type.chat).setBody("Wherefore art thou?").build());
            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza().to(JidCreate.entityBareFrom(
                    "juliet@localhost")).ofType(Message.Type.chat).setBody("Still here.").build());
            // Stored asynchronously; a moment lets both reach the store before every node stops.
            Thread.sleep(300);

            nodes.stopAll();
            nodes.start();
            ChatTestServer b = nodes.start();
            XMPPTCPConnection juliet = nodes.notYetConnected(b, "juliet", "j", "balcony");
            Inbox<Message> inbox = Inbox.of(juliet, MessageTypeFilter.CHAT);
            juliet.connect().login();
            Message first = inbox.next();
            assertEquals("Wherefore art thou?", first.getBody());
            assertEquals("romeo@localhost/garden", first.getFrom().toString());
            assertNotNull(DelayInformation.from(first), "stamped with the time it was stored");
            assertEquals("Still here.", inbox.next().getBody());
            inbox.expectNothing();
        }
    }

    @Test
    void tybaltGuessesRomeosPasswordOnA_untilTheBackoffHolds_thenRomeoHimselfMustWaitOnBToo() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            ChatTestServer b = nodes.start();
            nodes.register(a, "romeo", "r");
            // Five failures are free; the sixth and seventh make the next try wait 2 s.
            for (int guess = 1; guess <= 7; guess++) {
                XMPPTCPConnection tybalt = nodes.notYetConnected(a, "romeo", "guess" + guess, "street");
                tybalt.connect();
                assertThrows(SASLErrorException.class, tybalt::login);
                tybalt.disconnect();
            }
            SASLErrorException refused = assertThrows(SASLErrorException.class,
                    () -> nodes.login(b, "romeo", "r", "garden"));
            assertEquals("temporary-auth-failure", refused.getSASLFailure().getSASLErrorString());
        }
    }

    @Test
    void theRegistrationLimitHoldsAcrossNodes() throws Exception {
        try (ChatNodes nodes = new ChatNodes(store, Map.of("CHAT_TRUSTED_NETWORKS", "none",
                "CHAT_REGISTRATION_LIMIT", "2/60s"))) {
            ChatTestServer a = nodes.start();
            ChatTestServer b = nodes.start();
            nodes.register(a, "eve1", "apple");
            nodes.register(b, "eve2", "apple");
            XMPPErrorException refused = assertThrows(XMPPErrorException.class,
                    () -> nodes.register(a, "eve3", "apple"));
            assertEquals(StanzaError.Condition.policy_violation, refused.getStanzaError().getCondition());
        }
    }
}
