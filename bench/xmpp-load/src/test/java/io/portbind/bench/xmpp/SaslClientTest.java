package io.portbind.bench.xmpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import javax.security.sasl.SaslException;
import org.junit.jupiter.api.Test;

/** The client steps replayed against the exchanges the RFCs print. */
class SaslClientTest {

    private static final String CLIENT_NONCE = "fyko+d2lbbFgONRv9qkxdawL";
    private static final String SERVER_FIRST = "r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096";

    @Test
    void plainSendsAuthenticationIdentityAndPasswordAfterAnEmptyAuthorizationIdentity() {
        byte[] response = new PlainClient("user", "pencil").initialResponse();

        assertArrayEquals("\0user\0pencil".getBytes(StandardCharsets.UTF_8), response);
    }

    @Test
    void scramSha1FollowsTheExampleOfRfc5802Section5() throws SaslException {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE);

        assertEquals("n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL", text(client.initialResponse()));
        assertEquals("c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=",
                text(client.respond(bytes(SERVER_FIRST))));
        assertDoesNotThrow(() -> client.verifySuccess(bytes("v=rmF9pqV8S7suAoZWja4dJRkFsKQ=")));
    }

    @Test
    void scramSha1RejectsAServerThatDoesNotKnowThePassword() throws SaslException {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE);
        client.respond(bytes(SERVER_FIRST));

        assertThrows(SaslException.class, () -> client.verifySuccess(bytes("v=AAAAAAAAAAAAAAAAAAAAAAAAAAA=")));
    }

    @Test
    void scramSha1RejectsANonceThatDoesNotExtendTheClientsOwn() {
        ScramSha1Client client = new ScramSha1Client("user", "pencil", CLIENT_NONCE);

        assertThrows(SaslException.class, () -> client.respond(bytes("r=someoneElse,s=QSXCR+Q6sek8bf92,i=4096")));
    }

    @Test
    void scramSha1EscapesCommaAndEqualsInTheUserName() {
        ScramSha1Client client = new ScramSha1Client("a=b,c", "pencil", CLIENT_NONCE);

        assertEquals("n,,n=a=3Db=2Cc,r=" + CLIENT_NONCE, text(client.initialResponse()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
