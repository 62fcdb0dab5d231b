package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How streams end when nobody talks, and when the server stops. */
class LifecycleTest {

    @Test
    void silentClientIsDisconnectedWithConnectionTimeout() throws Exception {
        try (ChatTestServer server = ChatTestServer.start(Map.of("CHAT_IDLE_TIMEOUT", "1"));
             RawXmppClient client = new RawXmppClient(server.port())) {
            client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            String ended = client.awaitReceived("</stream:stream>");
            assertTrue(ended.contains("<connection-timeout xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"), ended);
            assertTrue(client.awaitClosed());
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
