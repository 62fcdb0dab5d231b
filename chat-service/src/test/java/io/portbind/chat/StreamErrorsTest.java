package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw-socket conversations about the stream itself: headers, restricted XML, limits, closing. */
class StreamErrorsTest {

    private static ChatTestServer server;

    @BeforeAll
    static void start() {
        server = ChatTestServer.start(Map.of("CHAT_MAX_STANZA_BYTES", "4096"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void clientOpensStreamAndServerOffersRequiredStartTls() throws Exception {
        try (RawXmppClient client = new RawXmppClient(server.port())) {
            String reply = client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertTrue(reply.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"),
                    reply);
            assertTrue(!reply.contains("<mechanisms"), "no SASL before TLS: " + reply);
        }
    }
}
