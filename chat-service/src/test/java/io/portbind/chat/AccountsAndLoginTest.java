package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;

/** Creating accounts in band and from the operator's file, logging in with each mechanism, removing accounts. */
class AccountsAndLoginTest {

    private static ChatTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ChatTestServer.start(Map.of("CHAT_ACCOUNTS",
                XmppClients.accountsFile("benvolio:peace", "# a comment line", "", "mercutio:queen:mab").toString()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void paris_registersInBand_thenLogsIn() throws Exception {
        XMPPTCPConnection anonymous = new XMPPTCPConnection(XmppClients.configuration(server).build());
        try {
            anonymous.connect();
            AccountManager accounts = AccountManager.getInstance(anonymous);
            assertTrue(accounts.supportsAccountCreation());
            accounts.createAccount(Localpart.from("paris"), "county");
        } finally {
            anonymous.disconnect();
        }
        XMPPTCPConnection paris = XmppClients.login(server, "paris", "county", "home");
        assertEquals("paris@localhost/home", paris.getUser().toString());
        paris.disconnect();
    }

    @Test
    void registeringATakenNameIsAConflict() throws Exception {
        XMPPTCPConnection anonymous = new XMPPTCPConnection(XmppClients.configuration(server).build());
        try {
            anonymous.connect();
            var error = assertThrows(org.jivesoftware.smack.XMPPException.XMPPErrorException.class,
                    () -> AccountManager.getInstance(anonymous).createAccount(Localpart.from("benvolio"), "x"));
            assertEquals(org.jivesoftware.smack.packet.StanzaError.Condition.conflict,
                    error.getStanzaError().getCondition());
        } finally {
            anonymous.disconnect();
        }
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
    void passwordsMayContainColons() throws Exception {
        assertLogsInWith("SCRAM-SHA-1", "mercutio", "queen:mab");
    }

    @Test
    void wrongPasswordIsNotAuthorizedWithEitherMechanism() throws Exception {
        for (String mechanism : new String[] {"SCRAM-SHA-1", "PLAIN"}) {
            XMPPTCPConnection connection = new XMPPTCPConnection(XmppClients.configuration(server)
                    .setUsernameAndPassword("benvolio", "war").addEnabledSaslMechanism(mechanism).build());
            try {
                connection.connect();
                SASLErrorException error = assertThrows(SASLErrorException.class, connection::login);
                assertEquals("not-authorized", error.getSASLFailure().getSASLErrorString());
            } finally {
                connection.disconnect();
            }
        }
    }

    @Test
    void serverAnswersPingVersionAndDisco() throws Exception {
        XMPPTCPConnection benvolio = XmppClients.login(server, "benvolio", "peace", "disco");
        try {
            assertTrue(PingManager.getInstanceFor(benvolio).pingMyServer());
            Version version = VersionManager.getInstanceFor(benvolio).getVersion(JidCreate.domainBareFrom("localhost"));
            assertEquals("Portbind chat-service", version.getName());
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(benvolio)
                    .discoverInfo(JidCreate.domainBareFrom("localhost"));
            assertTrue(info.hasIdentity("server", "im"));
            for (String feature : new String[] {"urn:xmpp:ping", "jabber:iq:version", "jabber:iq:register",
                    "http://jabber.org/protocol/disco#info"}) {
                assertTrue(info.containsFeature(feature), feature);
            }
        } finally {
            benvolio.disconnect();
        }
    }

    @Test
    void tybalt_registers_thenDeletesHisAccount_andCannotLogInAgain() throws Exception {
        XMPPTCPConnection anonymous = new XMPPTCPConnection(XmppClients.configuration(server).build());
        anonymous.connect();
        AccountManager.getInstance(anonymous).createAccount(Localpart.from("tybalt"), "prince");
        anonymous.disconnect();
        XMPPTCPConnection tybalt = XmppClients.login(server, "tybalt", "prince", "street");
        AccountManager.getInstance(tybalt).deleteAccount();
        tybalt.disconnect();
        XMPPTCPConnection again = new XMPPTCPConnection(XmppClients.configuration(server)
                .setUsernameAndPassword("tybalt", "prince").build());
        try {
            again.connect();
            assertThrows(SASLErrorException.class, again::login);
        } finally {
            again.disconnect();
        }
    }

    private static void assertLogsInWith(String mechanism, String user, String password) throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XmppClients.configuration(server)
                .setUsernameAndPassword(user, password).addEnabledSaslMechanism(mechanism).build());
        try {
            connection.connect().login();
            assertTrue(connection.isSecureConnection(), "TLS before authentication");
            assertEquals(mechanism, connection.getUsedSaslMechansism());
            assertTrue(connection.getUser().toString().startsWith(user + "@localhost/"));
        } finally {
            connection.disconnect();
        }
    }
}
