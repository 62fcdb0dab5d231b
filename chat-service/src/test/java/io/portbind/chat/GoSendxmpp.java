package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** go-sendxmpp, a client not written in Java, sending one message over STARTTLS to a chat-service node. */
final class GoSendxmpp {

    private GoSendxmpp() {
    }

    /** Sends {@code text} to {@code to} as {@code user}, trusting exactly {@code certificate}; fails unless it exits 0. */
    static void send(Path home, int port, X509Certificate certificate, String user, String password, String to,
                     String text) throws Exception {
        Path goSendxmpp = ExternalTool.require("go-sendxmpp");
        // Go takes extra trusted roots from SSL_CERT_FILE, so the certificate is verified, not skipped.
        Path trusted = home.resolve("chat-service.pem");
        Files.writeString(trusted, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        ProcessBuilder command = new ProcessBuilder(List.of(goSendxmpp.toString(), "--debug",
                "-u", user, "-p", password, "-j", "localhost:" + port, "--timeout", "5", to))
                .redirectErrorStream(true);
        command.environment().put("SSL_CERT_FILE", trusted.toString());
        command.environment().put("HOME", home.toString());
        Process process = command.start();
        process.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "go-sendxmpp finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
    }
}
