package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A client not written in Java: go-sendxmpp logs in over STARTTLS and sends a message a Smack client receives. */
class GoSendxmppTest {

    @RegisterExtension
    static final ChatServerExtension chat = ChatServerExtension.withAccounts("romeo:wherefore", "juliet:balcony");

    @TempDir
    Path home;

    @Test
    void julietSendsWithGoSendxmpp_romeoReceivesWithSmack() throws Exception {
        Path goSendxmpp = ExternalTool.require("go-sendxmpp");
        XMPPTCPConnection romeo = chat.login("romeo", "wherefore", "garden");
        Inbox<Message> romeoReceives = Inbox.of(romeo, StanzaTypeFilter.MESSAGE);

        // Go takes extra trusted roots from SSL_CERT_FILE, so the certificate is verified, not skipped.
        Path trusted = home.resolve("chat-service.pem");
        Files.writeString(trusted, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(chat.server().certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        ProcessBuilder command = new ProcessBuilder(List.of(goSendxmpp.toString(), "--debug",
                "-u", "juliet@localhost", "-p", "balcony", "-j", "localhost:" + chat.port(),
                "--timeout", "5", "romeo@localhost")).redirectErrorStream(true);
        command.environment().put("SSL_CERT_FILE", trusted.toString());
        command.environment().put("HOME", home.toString());
        Process process = command.start();
        process.getOutputStream().write("Parting is such sweet sorrow\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "go-sendxmpp finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);

        Message received = romeoReceives.next();
        assertEquals("Parting is such sweet sorrow", received.getBody().strip());
        assertTrue(received.getFrom().toString().startsWith("juliet@localhost/"), received.toXML().toString());
    }
}
