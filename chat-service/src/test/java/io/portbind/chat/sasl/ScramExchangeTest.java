package io.portbind.chat.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.chat.account.DecoyAccounts;
import io.portbind.chat.store.Account;
import io.portbind.chat.store.InMemoryAccountStore;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server side of SCRAM replays the example exchanges of RFC 5802 and RFC 7677 byte for byte, and
 * answers names without an account as it answers real ones.
 */
class ScramExchangeTest {

    @Test
    void rfc5802ScramSha1Example() {
        SaslStep success = replay(ScramAlgorithm.SHA_1, "QSXCR+Q6sek8bf92", "3rfcNHYJY1ZVvWVs7j",
                "n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL",
                "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096",
                "c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=");
        assertEquals("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=", text(success.data()));
        assertEquals("user", success.username());
    }

    @Test
    void rfc7677ScramSha256Example() {
        SaslStep success = replay(ScramAlgorithm.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==",
                "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0",
                "n,,n=user,r=rOprNGfwEbeRWgbNEkqO",
                "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096",
                "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,"
                        + "p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=");
        assertEquals("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=", text(success.data()));
    }

    @Test
    void wrongProofIsNotAuthorized() {
        ScramExchange exchange = exchange(ScramAlgorithm.SHA_1, "QSXCR+Q6sek8bf92", "3rfcNHYJY1ZVvWVs7j");
        exchange.step(bytes("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL"));
        SaslStep step = exchange.step(bytes("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,"
                + "p=AAAAv3Bz2T0CJGbJQyF0X+HI4Ts=")).toCompletableFuture().join();
        assertEquals(SaslFailure.NOT_AUTHORIZED, step.failure());
    }

    @Test
    void unknownUserIsChallengedLikeARealOne_andFailsOnlyAtTheFinalMessage() {
        ScramExchange exchange = exchange(ScramAlgorithm.SHA_256, "W22ZaJ0SNY7soEsUEjb6gQ==", "xyz");
        String challenge = text(exchange.step(bytes("n,,n=nobody,r=abc")).toCompletableFuture().join().data());
        assertTrue(challenge.matches("r=abcxyz,s=[A-Za-z0-9+/]{22}==,i=4096"), challenge);
        SaslStep step = exchange.step(bytes("c=biws,r=abcxyz,p=" + Base64.getEncoder().encodeToString(new byte[32])))
                .toCompletableFuture().join();
        assertEquals(SaslFailure.NOT_AUTHORIZED, step.failure());
    }

    @Test
    void anUnknownNameGetsTheSameSaltOnEveryAttempt_asARealAccountDoes_andAnotherNameAnotherSalt() {
        DecoyAccounts decoys = new DecoyAccounts();
        String first = serverFirst(decoys, "n,,n=nobody,r=abc");
        String again = serverFirst(decoys, "n,,n=nobody,r=def");
        String other = serverFirst(decoys, "n,,n=somebody,r=abc");
        assertEquals(salt(first), salt(again));
        assertNotEquals(salt(first), salt(other));
    }

    @Test
    void channelBindingRequestIsMalformed() {
        SaslStep step = exchange(ScramAlgorithm.SHA_1, "QSXCR+Q6sek8bf92", "x")
                .step(bytes("p=tls-unique,,n=user,r=abc")).toCompletableFuture().join();
        assertEquals(SaslFailure.MALFORMED_REQUEST, step.failure());
    }

    private static SaslStep replay(ScramAlgorithm algorithm, String salt, String serverNonce, String clientFirst,
                                   String expectedServerFirst, String clientFinal) {
        ScramExchange exchange = exchange(algorithm, salt, serverNonce);
        SaslStep challenge = exchange.step(bytes(clientFirst)).toCompletableFuture().join();
        assertEquals(expectedServerFirst, text(challenge.data()));
        SaslStep success = exchange.step(bytes(clientFinal)).toCompletableFuture().join();
        assertTrue(success.isSuccess(), () -> "failed with " + success.failure());
        return success;
    }

    private static ScramExchange exchange(ScramAlgorithm algorithm, String salt, String serverNonce) {
        InMemoryAccountStore accounts = new InMemoryAccountStore();
        ScramCredentials credentials = ScramCredentials.derive(algorithm, "pencil", Base64.getDecoder().decode(salt),
                4096);
        accounts.create(new Account("user", Map.of(algorithm, credentials)));
        return new ScramExchange(algorithm, accounts, new DecoyAccounts(), () -> serverNonce);
    }

    private static String serverFirst(DecoyAccounts decoys, String clientFirst) {
        ScramExchange exchange = new ScramExchange(ScramAlgorithm.SHA_256, new InMemoryAccountStore(), decoys);
        return text(exchange.step(bytes(clientFirst)).toCompletableFuture().join().data());
    }

    private static String salt(String serverFirst) {
        return serverFirst.replaceAll(".*,s=([^,]*),.*", "$1");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }
}
