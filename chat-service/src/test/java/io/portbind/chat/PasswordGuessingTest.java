package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Someone guessing passwords, by hand over raw sockets: the backoff outlasts reconnecting, holds an
 * account and a network alike, and lets the real owner in once it has run out. Each test has a server
 * of its own, since all the clients share one address and the backoff would carry over.
 */
class PasswordGuessingTest {

    @Test
    void tybaltGuessesRomeosPasswordAndReconnectsToGoOn_nowEvenRomeoMustWait_thenRomeoGetsIn() throws Exception {
        try (ChatTestServer server = ChatTestServer.start(plaintextWithAccounts("romeo:wherefore"))) {
            try (RawXmppClient tybalt = streamTo(server)) {
                guess(tybalt, Collections.nCopies(5, "romeo"));
                assertTrue(tybalt.awaitReceived("</stream:stream>").contains("<policy-violation"));
            }
            try (RawXmppClient tybalt = streamTo(server)) {
                guess(tybalt, List.of("romeo"));
                assertEquals("temporary-auth-failure", tybalt.saslFailureTo(RawXmppClient.plainAuth("romeo", "guess")),
                        "reconnecting does not start the count again");
                waitOutTheFirstBackoff();
                guess(tybalt, List.of("romeo"));
            }

            try (RawXmppClient romeo = streamTo(server)) {
                assertEquals("temporary-auth-failure",
                        romeo.saslFailureTo(RawXmppClient.plainAuth("romeo", "wherefore")),
                        "the right password waits too, or a guess could be told apart");

                Thread.sleep(Duration.ofSeconds(2).toMillis());
                romeo.sendPlainAuth("romeo", "wherefore").awaitReceived("<success");
            }
        }
    }

    @Test
    void oneNetworkGuessesAtManyNames_thenJulietOnThatNetworkMustWaitToo() throws Exception {
        try (ChatTestServer server = ChatTestServer.start(plaintextWithAccounts("juliet:balcony"))) {
            for (List<String> names : List.of(List.of("a1", "a2", "a3", "a4", "a5"),
                    List.of("b1", "b2", "b3", "b4", "b5"), List.of("c1"))) {
                try (RawXmppClient guesser = streamTo(server)) {
                    guess(guesser, names);
                }
            }
            waitOutTheFirstBackoff();
            try (RawXmppClient guesser = streamTo(server)) {
                guess(guesser, List.of("d1"));
            }

            try (RawXmppClient juliet = streamTo(server)) {
                assertEquals("temporary-auth-failure",
                        juliet.saslFailureTo(RawXmppClient.plainAuth("juliet", "balcony")));
            }
        }
    }

    private static RawXmppClient streamTo(ChatTestServer server) throws Exception {
        RawXmppClient client = new RawXmppClient(server.port());
        client.send(RawXmppClient.HEADER).awaitReceived("</stream:features>");
        return client;
    }

    /** Tries a wrong password for each name in turn. */
    private static void guess(RawXmppClient guesser, List<String> names) throws Exception {
        for (String name : names) {
            assertEquals("not-authorized", guesser.saslFailureTo(RawXmppClient.plainAuth(name, "guess")));
        }
    }

    /**
     * The first wait past the allowance is a second; a guess after it doubles the wait to two, which leaves
     * the test room to see the refusal on a busy machine.
     */
    private static void waitOutTheFirstBackoff() throws InterruptedException {
        Thread.sleep(Duration.ofMillis(1100).toMillis());
    }

    private static Map<String, String> plaintextWithAccounts(String... accounts) throws Exception {
        return Map.of("CHAT_ALLOW_PLAINTEXT", "true", "CHAT_ACCOUNTS", XmppClients.accountsFile(accounts).toString());
    }
}
