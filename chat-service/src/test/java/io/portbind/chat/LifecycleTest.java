package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How streams end when nobody talks, how a quiet logged-in client is kept, and what happens when the server stops. */
class LifecycleTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.with(Map.of("CHAT_IDLE_TIMEOUT", "1",
            "CHAT_ALLOW_PLAINTEXT", "true"), "romeo:r", "juliet:j");

    @Test
    void silentClientIsDisconnectedWithConnectionTimeout() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            String ended = client.awaitReceived("</stream:stream>");
            assertTrue(ended.contains("<connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"), ended);
            assertTrue(client.awaitClosed());
        }
    }

    @Test
    void romeoLogsInWithSmackAndSaysNothing_theServerPingsHim_smackAnswers_andHeStaysConnected() throws Exception {
        XMPPTCPConnection romeo = chat.login("romeo", "r", "idle");

        Thread.sleep(Duration.ofMillis(3500).toMillis());

        assertTrue(romeo.isConnected(), "still connected after three idle timeouts");
        assertTrue(PingManager.getInstanceFor(romeo).pingMyServer(), "and the stream still works");
    }

    @Test
    void julietLogsInAndNeverAnswers_sheIsPingedOnce_thenHerStreamEndsWithConnectionTimeout() throws Exception {
        try (RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "tomb")) {
            String ping = juliet.awaitReceived("</iq>");
            assertTrue(ping.contains("<iq type='get'") && ping.contains("from='localhost' to='juliet@localhost/tomb'")
                    && ping.contains("<ping xmlns='urn:xmpp:ping'/>"), ping);
            String ended = juliet.awaitReceived("</stream:stream>");
            assertTrue(ended.contains("<connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"), ended);
            assertTrue(juliet.awaitClosed());
        }
    }

    @Test
    void gracefulStopSaysSystemShutdownToEveryClient() throws Exception {
        ChatTestServer server = ChatTestServer.start(Map.of());
        try (RawXmppClient first = new RawXmppClient(server.port());
             RawXmppClient second = new RawXmppClient(server.port())) {
            first.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            second.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            server.netty().stop(Duration.ofSeconds(2));
            for (RawXmppClient client : new RawXmppClient[] {first, second}) {
                String ended = client.awaitReceived("</stream:stream>");
                assertTrue(ended.contains("<system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"), ended);
            }
        } finally {
            server.close();
        }
    }
}
