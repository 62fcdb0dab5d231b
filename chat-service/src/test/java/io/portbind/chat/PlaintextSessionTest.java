package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hand-written stanzas from logged-in clients, on a development server that allows plaintext: what
 * a client cannot forge, what every IQ gets back, and what happens to a replaced session.
 */
class PlaintextSessionTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.with(Map.of("CHAT_ALLOW_PLAINTEXT", "true"), "romeo:r",
            "juliet:j", "tybalt:t");

    @Test
    void plaintextAllowed_serverOffersMechanismsWithoutTls_andNeverGssapi() throws Exception {
        try (RawXmppClient client = new RawXmppClient(chat.port())) {
            String features = client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertTrue(features.contains("<mechanism>SCRAM-SHA-256</mechanism><mechanism>SCRAM-SHA-1</mechanism>"
                    + "<mechanism>PLAIN</mechanism>"), features);
            assertFalse(features.contains("GSSAPI"), features);
            assertFalse(features.contains("<required/>"), features);
        }
    }

    @Test
    void romeoBindsTheResourceHeAskedFor() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port())) {
            String features = romeo.authenticate("romeo", "r");
            assertTrue(features.contains("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"), features);
            assertTrue(features.contains("<session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/>"), features);
            romeo.send("<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>orchard</resource></bind></iq>");
            assertTrue(romeo.awaitReceived("</iq>").contains("<jid>romeo@localhost/orchard</jid>"));
            romeo.send("<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:xmpp-session'/></iq>");
            assertTrue(romeo.awaitReceived("/>").contains("<iq type='result' id='s1'"), "legacy session answered");
        }
    }

    @Test
    void tybaltForgesFrom_julietSeesWhoReallySentIt() throws Exception {
        try (RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "balcony");
             RawXmppClient tybalt = new RawXmppClient(chat.port()).login("tybalt", "t", "street")) {
            tybalt.send("<message to='juliet@localhost/balcony' from='romeo@localhost/garden' type='chat'>"
                    + "<body>meet me</body></message>");
            String received = juliet.awaitReceived("</message>");
            assertTrue(received.contains("from='tybalt@localhost/street'"), received);
            assertFalse(received.contains("romeo"), received);
        }
    }

    @Test
    void secondLoginWithTheSameResourceReplacesTheFirstWithConflict() throws Exception {
        try (RawXmppClient first = new RawXmppClient(chat.port()).login("romeo", "r", "exile");
             RawXmppClient second = new RawXmppClient(chat.port()).login("romeo", "r", "exile")) {
            String ended = first.awaitReceived("</stream:stream>");
            assertTrue(ended.contains("<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"), ended);
            assertTrue(first.awaitClosed());
            second.send("<iq type='get' id='p1'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertTrue(second.awaitReceived("/>").contains("type='result' id='p1'"), "the new session goes on");
        }
    }

    @Test
    void everyIqIsAnswered_unknownOnesWithServiceUnavailable() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port()).login("romeo", "r", "iq")) {
            romeo.send("<iq type='get' id='q1'><query xmlns='urn:example:unknown'/></iq>");
            assertTrue(romeo.awaitReceived("</iq>").contains("<service-unavailable"));
            romeo.send("<iq type='get' id='q2' to='juliet@localhost/nowhere'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertTrue(romeo.awaitReceived("</iq>").contains("<service-unavailable"));
            romeo.send("<iq type='get' id='q3'/>");
            assertTrue(romeo.awaitReceived("</iq>").contains("<bad-request"));
            romeo.send("<iq type='get' id='q4' to='juliet@localhost'><query xmlns='jabber:iq:roster'/></iq>");
            assertTrue(romeo.awaitReceived("</iq>").contains("<service-unavailable"), "no reading others' rosters");
        }
    }

    @Test
    void rosterVersioning_anUpToDateClientGetsAnEmptyResult() throws Exception {
        try (RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "versions")) {
            juliet.send("<iq type='get' id='r1'><query xmlns='jabber:iq:roster'/></iq>");
            String roster = juliet.awaitReceived("</iq>");
            assertTrue(roster.matches("(?s).*<query xmlns='jabber:iq:roster' ver='[0-9]+'.*"), roster);
            String version = roster.replaceAll("(?s).*ver='([0-9]+)'.*", "$1");
            juliet.send("<iq type='get' id='r2'><query xmlns='jabber:iq:roster' ver='" + version + "'/></iq>");
            assertTrue(juliet.awaitReceived("/>").contains("<iq type='result' id='r2'"));
        }
    }

    @Test
    void clientAsksForNoResource_serverChoosesOne() throws Exception {
        try (RawXmppClient juliet = new RawXmppClient(chat.port())) {
            juliet.authenticate("juliet", "j");
            juliet.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></iq>");
            String bound = juliet.awaitReceived("</iq>");
            assertTrue(bound.matches("(?s).*<jid>juliet@localhost/[^<]+</jid>.*"), bound);
        }
    }

    @Test
    void wrongPasswordsAreAnsweredLate_andTheFifthEndsTheStream() throws Exception {
        try (RawXmppClient guesser = new RawXmppClient(chat.port())) {
            guesser.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            long started = System.nanoTime();
            for (int attempt = 1; attempt <= 5; attempt++) {
                guesser.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AHJvbWVvAHg=</auth>");
                assertTrue(guesser.awaitReceived("</failure>").contains("<not-authorized/>"));
            }
            assertTrue(System.nanoTime() - started >= 5 * 250_000_000L, "each failure waits before it is sent");
            assertTrue(guesser.awaitReceived("</stream:stream>").contains("<policy-violation"));
        }
    }

    @Test
    void romeoFumblesTheSaslExchangeFourWays_eachGetsItsOwnCondition_andHeMayStillLogIn() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port())) {
            romeo.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");

            assertEquals("invalid-mechanism",
                    romeo.saslFailureTo("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='X-OAUTH2'/>"));
            assertEquals("malformed-request", romeo.saslFailureTo(
                    "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>cm9tZW8=</auth>"),
                    "\"romeo\" alone, without the NUL separators PLAIN needs");

            romeo.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='SCRAM-SHA-1'/>")
                    .awaitReceived("<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            assertEquals("aborted", romeo.saslFailureTo("<abort xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"));

            assertEquals("malformed-request",
                    romeo.saslFailureTo("<response xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>cm9tZW8=</response>"),
                    "a response with no exchange under way");

            romeo.sendPlainAuth("romeo", "r").awaitReceived("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        }
    }

    @Test
    void credentialsWithAStrayCharacterInTheirBase64AreIncorrectEncoding_notDecodedAroundIt() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port())) {
            romeo.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            // AHJvbWVvAHI= is "\0romeo\0r"; a lenient decoder would skip the '*' and log Romeo in.
            assertEquals("incorrect-encoding", romeo.saslFailureTo(
                    "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>AHJvbW*VvAHI=</auth>"));
        }
    }

    @Test
    void romeoPingsJulietsResource_julietAnswers_andTheAnswerComesBack() throws Exception {
        try (RawXmppClient romeo = new RawXmppClient(chat.port()).login("romeo", "r", "ping");
             RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "pong")) {
            romeo.send("<iq type='get' id='x1' to='juliet@localhost/pong'><ping xmlns='urn:xmpp:ping'/></iq>");
            String request = juliet.awaitReceived("</iq>");
            assertTrue(request.contains("from='romeo@localhost/ping'"), request);
            juliet.send("<iq type='result' id='x1' to='romeo@localhost/ping'/>");
            String answer = romeo.awaitReceived("/>");
            assertTrue(answer.contains("<iq type='result' id='x1'") && answer.contains("from='juliet@localhost/pong'"),
                    answer);
        }
    }

    @Test
    void tybaltSendsDirectedPresenceToJuliet_andHerResourceLearnsWhenHeLeaves() throws Exception {
        try (RawXmppClient juliet = new RawXmppClient(chat.port()).login("juliet", "j", "window")) {
            juliet.send("<presence/>").awaitReceived("/>");
            RawXmppClient tybalt = new RawXmppClient(chat.port()).login("tybalt", "t", "alley");
            tybalt.send("<presence to='juliet@localhost'><status>I see you</status></presence>");
            assertTrue(juliet.awaitReceived("</presence>").contains("from='tybalt@localhost/alley'"));
            tybalt.close();
            String gone = juliet.awaitReceived("/>");
            assertTrue(gone.contains("type='unavailable'") && gone.contains("tybalt@localhost/alley"), gone);
        }
    }
}
