package io.portbind.chat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackConfiguration;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;

/**
 * Smack clients for the test server: TLS required and trusting exactly the server's certificate,
 * short timeouts so a missing reply fails fast instead of stalling the build.
 */
final class XmppClients {

    static final Duration TIMEOUT = Duration.ofSeconds(4);

    static {
        SmackConfiguration.setDefaultReplyTimeout((int) TIMEOUT.toMillis());
        Roster.setDefaultSubscriptionMode(Roster.SubscriptionMode.manual);
    }

    private XmppClients() {
    }

    static XMPPTCPConnectionConfiguration.Builder configuration(ChatTestServer server) throws Exception {
        return XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("localhost")
                .setHostAddress(InetAddress.getLoopbackAddress())
                .setPort(server.port())
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(trusting(server.certificate()))
                .setConnectTimeout((int) TIMEOUT.toMillis());
    }

    /** Writes an accounts file in the operator's format for {@code CHAT_ACCOUNTS}. */
    static Path accountsFile(String... userColonPassword) throws Exception {
        Path file = Files.createTempFile("chat-accounts", ".txt");
        file.toFile().deleteOnExit();
        Files.writeString(file, "# test accounts\n" + String.join("\n", userColonPassword) + "\n");
        return file;
    }

    /** Trusts exactly {@code certificate}, as a client configured with it by its operator would. */
    static X509TrustManager trusting(X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("chat-service", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }
}
