package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Raw-socket conversations about the stream itself: headers, restricted XML, limits, closing. */
class StreamErrorsTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.with(Map.of("CHAT_MAX_STANZA_BYTES", "4096"));

    @Test
    void clientOpensStream_serverOffersRequiredStartTlsAndNoMechanismsYet() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            String reply = client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertTrue(reply.contains("<stream:stream xmlns='jabber:client'"), reply);
            assertTrue(reply.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"),
                    reply);
            assertFalse(reply.contains("<mechanisms"), "no SASL before TLS: " + reply);
        }
    }

    @Test
    void romeoNamesHimselfInHisHeader_theServersHeaderNamesHimBack_withEverythingRfc6120Section47Asks()
            throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port());
             RawXmppClient anonymous = new RawXmppClient(chat.port())) {
            String header = romeo.send(RawXmppClient.HEADER.replace("to='localhost'",
                    "to='localhost' from='Romeo@localhost' xml:lang='it'")).awaitReceived("<stream:features>");
            assertTrue(header.matches("(?s).*<stream:stream xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' id='[0-9a-f]{32}' from='localhost' "
                    + "to='romeo@localhost' version='1.0' xml:lang='en'>.*"), header);
            String other = anonymous.send(RawXmppClient.HEADER).awaitReceived("<stream:features>");
            assertFalse(other.contains(" to="), "no 'to' for a client that did not say who it is: " + other);
            assertNotEquals(streamId(header), streamId(other));
        }
    }

    @Test
    void clientClosesItsStream_serverClosesItsOwn() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            client.send("  \n  ").send("</stream:stream>");
            assertTrue(client.awaitClosed());
            assertTrue(client.received().endsWith("</stream:stream>"), client.received());
        }
    }

    @Test
    void mismatchedTagsAreNotWellFormed() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<message><body>hi</message>", "not-well-formed");
    }

    @Test
    void billionLaughsIsRejectedBeforeAnyEntityIsDeclared() throws Exception {
        String dtd = "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>"
                + "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>";
        assertStreamError(dtd + RawXmppClient.HEADER.substring("<?xml version='1.0'?>".length())
                + "<message><body>&lol3;</body></message>", "restricted-xml");
        try (RawXmppClient next = new RawXmppClient(chat.port())) {
            assertTrue(next.send(RawXmppClient.HEADER).awaitReceived("</stream:features>").contains("starttls"));
        }
    }

    @Test
    void doctypeIsRestrictedXml() throws Exception {
        assertStreamError("<?xml version='1.0'?><!DOCTYPE stream>" + RawXmppClient.HEADER.substring(21),
                "restricted-xml");
    }

    @Test
    void entityReferencesAreNeverExpanded() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<message><body>&lol;</body></message>", "restricted-xml");
    }

    @Test
    void commentsAndProcessingInstructionsAreRestrictedXml() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<!-- hello -->", "restricted-xml");
        assertStreamError(RawXmppClient.HEADER + "<?php echo 1; ?>", "restricted-xml");
    }

    @Test
    void oversizedStanzaIsAPolicyViolation() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<message><body>" + "x".repeat(5000) + "</body></message>",
                "policy-violation");
    }

    @Test
    void endlessTextIsCutOffWithoutWaitingForItsEnd() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(RawXmppClient.HEADER + "<message><body>");
            for (int i = 0; i < 8; i++) {
                client.send("y".repeat(1024));
            }
            assertTrue(client.awaitReceived("</stream:stream>").contains("<policy-violation"), client.received());
        }
    }

    @Test
    void deepNestingIsAPolicyViolation() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<message>" + "<a>".repeat(60), "policy-violation");
    }

    @Test
    void wrongStreamNamespaceIsInvalidNamespace() throws Exception {
        assertStreamError("<stream:stream to='localhost' xmlns='jabber:server' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>", "invalid-namespace");
    }

    @Test
    void streamToAnotherDomainIsHostUnknown() throws Exception {
        assertStreamError(RawXmppClient.HEADER.replace("to='localhost'", "to='example.org'"), "host-unknown");
    }

    @Test
    void stanzaBeforeAuthenticationIsNotAuthorized() throws Exception {
        assertStreamError(RawXmppClient.HEADER + "<message to='juliet@localhost'><body>hi</body></message>",
                "not-authorized");
    }

    @Test
    void saslBeforeTlsIsRefusedWithEncryptionRequired() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            client.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AGEAYg==</auth>");
            assertTrue(client.awaitReceived("</failure>").contains("<encryption-required/>"), client.received());
        }
    }

    private static String streamId(String header) {
        return header.replaceAll("(?s).* id='([^']*)'.*", "$1");
    }

    private static void assertStreamError(String input, String condition) throws Exception {
        String reply;
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            client.send(input);
            reply = client.awaitReceived("</stream:stream>");
            assertTrue(client.awaitClosed(), "server closes after a stream error");
        }
        assertTrue(reply.contains("<stream:error><" + condition + " xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"),
                reply);
    }
}
