package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.chat.tls.SelfSignedCertificate;
import io.portbind.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings an operator gives: a certificate from PEM files, registration closed, mistakes reported in one line. */
class ServerSettingsTest {

    @TempDir
    Path directory;

    @Test
    void certificateAndKeyFromPemFilesAreWhatClientsSee() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.forDomain("localhost");
        Path cert = pem("cert.pem", "CERTIFICATE", made.certificate().getEncoded());
        Path key = pem("key.pem", "PRIVATE KEY", made.keys().getPrivate().getEncoded());
        try (ChatTestServer server = ChatTestServer.start(Map.of("CHAT_TLS_CERT", cert.toString(),
                "CHAT_TLS_KEY", key.toString(), "CHAT_ACCOUNTS",
                XmppClients.accountsFile("romeo:r").toString()))) {
            assertEquals(made.certificate(), server.certificate());
            XMPPTCPConnection romeo = new XMPPTCPConnection(XmppClients.configuration(server)
                    .setUsernameAndPassword("romeo", "r").build());
            try {
                romeo.connect().login();
                assertTrue(romeo.isSecureConnection());
            } finally {
                romeo.disconnect();
            }
        }
    }

    @Test
    void certificateWithoutKeyIsAOneLineConfigError() throws Exception {
        Path cert = pem("cert.pem", "CERTIFICATE", SelfSignedCertificate.forDomain("localhost").certificate()
                .getEncoded());
        ConfigException error = assertThrows(ConfigException.class,
                () -> ChatTestServer.start(Map.of("CHAT_TLS_CERT", cert.toString())));
        assertEquals("chat-service: CHAT_TLS_CERT and CHAT_TLS_KEY must be given together", error.getMessage());
    }

    @Test
    void closedRegistrationIsNeitherOfferedNorAllowed() throws Exception {
        try (ChatTestServer server = ChatTestServer.start(Map.of("CHAT_REGISTRATION", "closed",
                "CHAT_ALLOW_PLAINTEXT", "true"));
             RawXmppClient client = new RawXmppClient(server.port())) {
            String features = client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
            assertFalse(features.contains("iq-register"), features);
            client.send("<iq type='set' id='r1'><query xmlns='jabber:iq:register'><username>eve</username>"
                    + "<password>x</password></query></iq>");
            assertTrue(client.awaitReceived("</iq>").contains("<not-allowed"));
        }
    }

    private Path pem(String name, String type, byte[] der) throws Exception {
        Path file = directory.resolve(name);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + type + "-----\n");
        return file;
    }
}
