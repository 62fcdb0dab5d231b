package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Strangers and unlucky clients over raw sockets: malformed bytes get the stream error RFC 6120 names, a stranger
 * may make the server hold little and not for long, and a logged-in client that stops reading is let go while
 * the others are served.
 */
class HostileClientsTest {

    private static final String STREAM_ERROR = "<stream:error><%s xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>";

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.with(Map.of("CHAT_ALLOW_PLAINTEXT", "true",
            "CHAT_NEGOTIATION_TIMEOUT", "2", "CHAT_MAX_UNSENT_BYTES", "65536"), "romeo:r", "juliet:j");

    @Test
    void xmlnsAsAnElementPrefixIsNotWellFormed() throws Exception {
        assertStreamError(RawXmppClient.HEADER.getBytes(StandardCharsets.UTF_8), "<xmlns:m/>", "not-well-formed");
    }

    @Test
    void invalidUtf8IsNotWellFormed() throws Exception {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write((RawXmppClient.HEADER + "<message><body>g").getBytes(StandardCharsets.UTF_8));
        input.write(0x86);
        assertStreamError(input.toByteArray(), "</body></message>", "not-well-formed");
    }

    @Test
    void twentyThousandAttributesAreRefusedBeforeTheParserPaysForThem() throws Exception {
        long start = System.nanoTime();
        assertStreamError(RawXmppClient.HEADER.getBytes(StandardCharsets.UTF_8),
                "<message" + " a='1'".repeat(20_000) + "/>", "policy-violation");
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000
                + " ms");
    }

    @Test
    void aStrangerMayNotSendAStanzaOfTwentyKilobytes() throws Exception {
        assertStreamError(RawXmppClient.HEADER.getBytes(StandardCharsets.UTF_8),
                "<message><body>" + "x".repeat(20_000) + "</body></message>", "policy-violation");
    }

    @Test
    void aStrangerWhoDoesNotAuthenticateIsLetGoAfterTheNegotiationTimeout() throws Exception {
        try (RawXmppClient stranger = new RawXmppClient(chat.port())) {
            stranger.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertTrue(stranger.awaitClosed());
            assertTrue(stranger.received().contains(String.format(STREAM_ERROR, "connection-timeout")),
                    stranger.received());
        }
    }

    @Test
    void julietStopsReading_sheIsDisconnected_romeoIsStillServed() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port()).login("romeo", "r", "garden");
             RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "balcony")) {
            String message = "<message to='juliet@localhost/balcony' type='chat'><body>" + "x".repeat(10_000)
                    + "</body></message>";
            // 30 MB for Juliet, who reads none of it: far more than the socket buffers and the limit hold.
            for (int i = 0; i < 3_000; i++) {
                romeo.send(message);
            }
            romeo.send("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertTrue(romeo.awaitReceived("id='p1'").contains("type='result'"));
            assertTrue(juliet.awaitClosed(), "Juliet, who does not read, is disconnected");
            assertFalse(juliet.received().length() > 16 * 1024 * 1024, "more arrived than the buffers hold");
        }
    }

    private static void assertStreamError(byte[] start, String rest, String condition) throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(start).send(rest);
            String reply = client.awaitReceived("</stream:stream>");
            assertTrue(reply.contains(String.format(STREAM_ERROR, condition)), reply);
        }
    }
}
