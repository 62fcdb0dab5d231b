package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as an operator runs it: the accounts file is read at start, and a bad one stops it. */
class ChatConfigurationProcessIT {

    @TempDir
    Path directory;

    @Test
    void badAccountsFileIsOneLineOnStderrAndExitStatus2() throws Exception {
        Path accounts = directory.resolve("accounts.txt");
        Files.writeString(accounts, "romeo:wherefore\njuliet\n");
        try (ServiceProcess chat = ServiceProcess.start(ServiceProcess.jar("chat-service"),
                Map.of("CHAT_PORT", "0", "CHAT_ACCOUNTS", accounts.toString()))) {
            assertEquals(2, chat.awaitExit(Duration.ofSeconds(20)));
            assertEquals(List.of("chat-service: invalid CHAT_ACCOUNTS " + accounts + " line 2: expected user:password"),
                    chat.stderr());
        }
    }

    @Test
    void accountsFromTheFileCanLogInOnceTheServerListens() throws Exception {
        Path accounts = directory.resolve("accounts.txt");
        Files.writeString(accounts, "# operator accounts\nromeo:wherefore\n");
        try (ServiceProcess chat = ServiceProcess.start(ServiceProcess.jar("chat-service"),
                Map.of("CHAT_PORT", "0", "CHAT_ACCOUNTS", accounts.toString(), "CHAT_ALLOW_PLAINTEXT", "true"));
             RawXmppClient romeo = new RawXmppClient(chat.awaitListening(Duration.ofSeconds(20)))) {
            romeo.login("romeo", "wherefore", "process");
            romeo.send("<iq type='get' id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertTrue(romeo.awaitReceived("/>").contains("<iq type='result' id='p'"));
            assertEquals(0, chat.terminate(Duration.ofSeconds(10)));
        }
    }
}
