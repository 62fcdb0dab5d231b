package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.testing.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

/**
 * The store goes away and comes back: meanwhile new logins and registrations are refused with errors that
 * say "try again later", as does a roster fetch, whose stream stays up; Romeo and Juliet, already online, keep
 * chatting, and afterwards the node serves new logins again without being restarted.
 */
class StoreOutageTest {

    @Test
    void whileTheStoreIsDown_loginsWait_registrationsWait_liveSessionsChat_thenTheNodeRecoversByItself()
            throws Exception {
        int port = RedisServerProcess.freePort();
        Path dir = Files.createTempDirectory("chat-store-outage");
        SharedStore store = SharedStore.durableRedisServer(port, dir);
        try (ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer node = nodes.start();
            nodes.register(node, "romeo", "r");
            nodes.register(node, "juliet", "j");
            XMPPTCPConnection romeo = nodes.login(node, "romeo", "r", "garden");
            XMPPTCPConnection juliet = nodes.login(node, "juliet", "j", "balcony");
            Inbox<Message> julietsInbox = Inbox.of(juliet, MessageTypeFilter.CHAT);

            store.close();

            SASLErrorException refused = assertThrows(SASLErrorException.class,
                    () -> nodes.notYetConnected(node, "romeo", "r", "mantua").connect().login());
            assertEquals("temporary-auth-failure", refused.getSASLFailure().getSASLErrorString());
            XMPPErrorException notNow = assertThrows(XMPPErrorException.class,
                    () -> nodes.register(node, "paris", "p"));
            assertEquals(StanzaError.Condition.internal_server_error, notNow.getStanzaError().getCondition());
            assertEquals(StanzaError.Type.WAIT, notNow.getStanzaError().getType());

            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityFullFrom("juliet@localhost/balcony")).ofType(Message.Type.chat)
                    .setBody("The store is gone, but I am here").build());
            assertEquals("The store is gone, but I am here", julietsInbox.next().getBody());
            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityBareFrom("juliet@localhost")).ofType(Message.Type.chat)
                    .setBody("To your bare address too").build());
            assertEquals("To your bare address too", julietsInbox.next().getBody());
            // A request that needs the store is answered "try again later"; the stream stays up.
            RosterPacket rosterGet = new RosterPacket();
            XMPPErrorException noRoster = assertThrows(XMPPErrorException.class,
                    () -> romeo.sendIqRequestAndWaitForResponse(rosterGet));
            assertEquals(StanzaError.Condition.internal_server_error, noRoster.getStanzaError().getCondition());
            assertEquals(StanzaError.Type.WAIT, noRoster.getStanzaError().getType());
            romeo.sendStanza(romeo.getStanzaFactory().buildMessageStanza()
                    .to(JidCreate.entityFullFrom("juliet@localhost/balcony")).ofType(Message.Type.chat)
                    .setBody("Still here after the roster failed").build());
            assertEquals("Still here after the roster failed", julietsInbox.next().getBody());

            store = SharedStore.durableRedisServer(port, dir);
            loginEventually(nodes, node, "romeo", "r", "mantua");
            nodes.register(node, "paris", "p");
        } finally {
            store.close();
        }
    }

    /**
     * Logs in, trying again while the client's pool still holds connections broken by the outage: each broken
     * one fails one call and is dropped.
     */
    private static void loginEventually(ChatNodes nodes, ChatTestServer node, String user, String password,
                                        String resource) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                nodes.login(node, user, password, resource);
                return;
            } catch (SASLErrorException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }
}
