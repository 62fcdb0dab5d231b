package io.portbind.chat;

import static io.portbind.chat.Eventually.assertEventually;
import static io.portbind.chat.SubscriptionTest.befriend;
import static io.portbind.chat.SubscriptionTest.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.PresenceTypeFilter;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.roster.packet.RosterPacket.ItemType;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

/**
 * Creating accounts in band and from the operator's file, logging in with each mechanism Smack 4.4
 * has, changing passwords, removing accounts, and what the server says about itself. Smack 4.4 has no
 * SCRAM-SHA-256, so a raw client logs in with it, computing its side of SCRAM itself.
 */
class AccountsAndLoginTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("benvolio:peace", "# a comment line", "",
            "mercutio:queen:mab", "friar:cell", "nurse:errands", "balthasar:servant");

    @Test
    void parisRegistersInBand_thenLogsIn() throws Exception {
        AccountManager accounts = AccountManager.getInstance(chat.anonymous());
        assertTrue(accounts.supportsAccountCreation());
        accounts.createAccount(Localpart.from("paris"), "county");

        XMPPTCPConnection paris = chat.login("paris", "county", "home");
        assertEquals("paris@localhost/home", paris.getUser().toString());
    }

    @Test
    void registeringATakenNameIsAConflict() throws Exception {
        AccountManager accounts = AccountManager.getInstance(chat.anonymous());
        XMPPErrorException error = assertThrows(XMPPErrorException.class,
                () -> accounts.createAccount(Localpart.from("benvolio"), "x"));
        assertEquals(StanzaError.Condition.conflict, error.getStanzaError().getCondition());
    }

    @Test
    void benvolioFromTheAccountsFileLogsInWithScramSha1() throws Exception {
        assertLogsInWith("SCRAM-SHA-1", "benvolio", "peace");
    }

    @Test
    void benvolioLogsInWithPlainOverTls() throws Exception {
        assertLogsInWith("PLAIN", "benvolio", "peace");
    }

    @Test
    void passwordsInTheAccountsFileMayContainColons() throws Exception {
        assertLogsInWith("SCRAM-SHA-1", "mercutio", "queen:mab");
    }

    @Test
    void benvolioLogsInWithScramSha256OverStartTls_andTheServerProvesItKnowsHisPassword() throws Exception {
        try (RawXmppClient benvolio = new RawXmppClient(chat.port())) {
            String features = benvolio.startTls(chat.server().certificate());
            assertTrue(features.contains("<mechanism>SCRAM-SHA-256</mechanism>"), features);
            ScramSha256Client scram = new ScramSha256Client("benvolio", "peace");

            benvolio.send(sasl("auth mechanism='SCRAM-SHA-256'", scram.clientFirst()));
            String serverFirst = saslData(benvolio.awaitReceived("</challenge>"));
            benvolio.send(sasl("response", scram.clientFinal(serverFirst)));
            String serverFinal = saslData(benvolio.awaitReceived("</success>"));

            assertTrue(scram.serverIsVerified(serverFinal), serverFinal);
            String restarted = benvolio.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertTrue(restarted.contains("<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/>"), restarted);
        }
    }

    @Test
    void rosalineHasNoAccount_yetSheIsChallengedAsBenvolioIs_andRefusedOnlyAtTheEnd() throws Exception {
        try (RawXmppClient rosaline = new RawXmppClient(chat.port())) {
            rosaline.startTls(chat.server().certificate());
            ScramSha256Client scram = new ScramSha256Client("rosaline", "chaste");

            rosaline.send(sasl("auth mechanism='SCRAM-SHA-256'", scram.clientFirst()));
            String serverFirst = saslData(rosaline.awaitReceived("</challenge>"));
            assertTrue(serverFirst.matches("r=[^,]+,s=[A-Za-z0-9+/]{22}==,i=4096"), serverFirst);
            rosaline.send(sasl("response", scram.clientFinal(serverFirst)));

            assertTrue(rosaline.awaitReceived("</failure>").contains("<not-authorized/>"));
        }
    }

    @Test
    void balthasarChangesHisPassword_thenLogsInWithTheNewOne_andTheOldOneNoLongerWorks() throws Exception {
        XMPPTCPConnection balthasar = chat.login("balthasar", "servant", "road");
        AccountManager.getInstance(balthasar).changePassword("mantua");
        balthasar.disconnect();

        assertLogsInWith("SCRAM-SHA-1", "balthasar", "mantua");
        XMPPTCPConnection withTheOldOne = chat.track(new XMPPTCPConnection(XmppClients.configuration(chat.server())
                .setUsernameAndPassword("balthasar", "servant").build()));
        withTheOldOne.connect();
        assertThrows(SASLErrorException.class, withTheOldOne::login);
    }

    @Test
    void wrongPasswordIsNotAuthorizedWithEitherMechanism() throws Exception {
        for (String mechanism : new String[] {"SCRAM-SHA-1", "PLAIN"}) {
            XMPPTCPConnection connection = chat.track(new XMPPTCPConnection(XmppClients.configuration(chat.server())
                    .setUsernameAndPassword("benvolio", "war").addEnabledSaslMechanism(mechanism).build()));
            connection.connect();
            SASLErrorException error = assertThrows(SASLErrorException.class, connection::login);
            assertEquals("not-authorized", error.getSASLFailure().getSASLErrorString());
        }
    }

    @Test
    void serverAnswersPingVersionAndDisco() throws Exception {
        XMPPTCPConnection benvolio = chat.login("benvolio", "peace", "disco");
        assertTrue(PingManager.getInstanceFor(benvolio).pingMyServer());
        assertEquals("Portbind chat-service", VersionManager.getInstanceFor(benvolio)
                .getVersion(JidCreate.domainBareFrom("localhost")).getName());
        DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(benvolio)
                .discoverInfo(JidCreate.domainBareFrom("localhost"));
        assertTrue(info.hasIdentity("server", "im"));
        for (String feature : new String[] {"urn:xmpp:ping", "jabber:iq:version", "jabber:iq:register",
                "http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items"}) {
            assertTrue(info.containsFeature(feature), feature);
        }
    }

    @Test
    void tybaltRegisters_deletesHisAccount_andCannotLogInAgain() throws Exception {
        AccountManager.getInstance(chat.anonymous()).createAccount(Localpart.from("tybalt"), "prince");
        XMPPTCPConnection tybalt = chat.login("tybalt", "prince", "street");

        AccountManager.getInstance(tybalt).deleteAccount();

        XMPPTCPConnection again = chat.track(new XMPPTCPConnection(XmppClients.configuration(chat.server())
                .setUsernameAndPassword("tybalt", "prince").build()));
        again.connect();
        assertThrows(SASLErrorException.class, again::login);
    }

    @Test
    void theFriarAndTheNurseAreFriends_heDeletesHisAccount_sheSeesHimGoAndHerRosterKeepsNoSubscription()
            throws Exception {
        XMPPTCPConnection friar = chat.login("friar", "cell", "church");
        XMPPTCPConnection nurse = chat.login("nurse", "errands", "market");
        befriend(friar, "friar@localhost", nurse, "nurse@localhost");
        Inbox<Presence> nurseHearsHimGo = Inbox.of(nurse, PresenceTypeFilter.UNAVAILABLE);
        Inbox<Presence> nurseHearsUnsubscribed = Inbox.of(nurse, PresenceTypeFilter.UNSUBSCRIBED);
        Inbox<Presence> nurseHearsUnsubscribe = Inbox.of(nurse, PresenceTypeFilter.UNSUBSCRIBE);

        AccountManager.getInstance(friar).deleteAccount();

        assertEquals("friar@localhost/church", nurseHearsHimGo.next().getFrom().toString());
        assertEquals("friar@localhost", nurseHearsUnsubscribed.next().getFrom().toString());
        assertEquals("friar@localhost", nurseHearsUnsubscribe.next().getFrom().toString());
        assertEventually("the nurse's item for the friar is none", () -> type(nurse, "friar@localhost")
                == ItemType.none);
    }

    /** A SASL element of this name (and attributes) carrying {@code message} in base64. */
    private static String sasl(String nameAndAttributes, String message) {
        String name = nameAndAttributes.split(" ")[0];
        return "<" + nameAndAttributes + " xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)) + "</" + name + ">";
    }

    /** The decoded base64 inside the last SASL element of {@code reply}. */
    private static String saslData(String reply) {
        String data = reply.replaceAll("(?s).*<(challenge|success) xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
                + "([^<]*)</\\1>.*", "$2");
        return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
    }

    private void assertLogsInWith(String mechanism, String user, String password) throws Exception {
        XMPPTCPConnection connection = chat.track(new XMPPTCPConnection(XmppClients.configuration(chat.server())
                .setUsernameAndPassword(user, password).addEnabledSaslMechanism(mechanism).build()));
        connection.connect().login();
        assertTrue(connection.isSecureConnection(), "TLS before authentication");
        assertEquals(mechanism, connection.getUsedSaslMechansism());
        assertTrue(connection.getUser().toString().startsWith(user + "@localhost/"));
    }
}
