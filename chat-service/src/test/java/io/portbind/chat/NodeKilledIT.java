package io.portbind.chat;

import static io.portbind.chat.SubscriptionTest.presence;
import static io.portbind.chat.SubscriptionTest.presenceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * A node killed with SIGKILL says nothing to anyone: its heartbeat stops, and within the stated bound another
 * node tells Juliet's contacts she is gone. Node B is the built jar as its own process, so that it can be
 * killed as an operating system kills it; node A and kv-service run in the test.
 */
class NodeKilledIT {

    /** Heartbeats' TTL (3 s), one look for dead nodes (1 s), one second for the news: as the README states. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Test
    void nodeBIsKilled_romeoOnASeesJulietGoWithinTheBound() throws Exception {
        try (SharedStore store = SharedStore.kvService();
             ChatNodes nodes = new ChatNodes(store, Map.of())) {
            ChatTestServer a = nodes.start();
            nodes.register(a, "romeo", "r");
            nodes.register(a, "juliet", "j");
            Map<String, String> environment = Map.of("KV_URL", store.url(), "CHAT_KEY_PREFIX",
                    nodes.keyPrefix(), "CHAT_PORT", "0", "BIND_ADDRESS", "127.0.0.1", "CHAT_ALLOW_PLAINTEXT", "true");
            try (ServiceProcess b = ServiceProcess.start(ServiceProcess.jar("chat-service"), environment)) {
                int portB = b.awaitListening(Duration.ofSeconds(30));
                XMPPTCPConnection romeo = nodes.login(a, "romeo", "r", "garden");
                try (RawXmppClient juliet = new RawXmppClient(portB).login("juliet", "j", "balcony")) {
                    juliet.send("<presence/>");
                    romeo.sendStanza(presence(romeo, Presence.Type.subscribe, "juliet@localhost"));
                    juliet.awaitReceived("type='subscribe'");
                    juliet.send("<presence to='romeo@localhost' type='subscribed'/>");
                    Eventually.assertEventually("Romeo sees Juliet online",
                            () -> presenceOf(romeo, "juliet@localhost").isAvailable());

                    b.close();
                    long killed = System.nanoTime();
                    Duration waited = Duration.ZERO;
                    while (presenceOf(romeo, "juliet@localhost").isAvailable()
                            && waited.compareTo(BOUND.plusSeconds(5)) < 0) {
                        Thread.sleep(50);
                        waited = Duration.ofNanos(System.nanoTime() - killed);
                    }
                    assertTrue(waited.compareTo(BOUND) <= 0, "Juliet still online for Romeo " + waited.toMillis()
                            + " ms after node B was killed");
                }
            }
        }
    }
}
