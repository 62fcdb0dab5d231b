package io.portbind.bench.xmpp;

import java.nio.charset.StandardCharsets;
import javax.security.sasl.SaslException;

/** SASL PLAIN (RFC 4616): the password in one message, so only ever sent over TLS. */
final class PlainClient implements SaslClient {

    private final String user;
    private final String password;

    PlainClient(String user, String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    public String mechanism() {
        return "PLAIN";
    }

    /** An empty authorization identity, then the authentication identity and the password, NUL-separated. */
    @Override
    public byte[] initialResponse() {
        return ("\0" + user + "\0" + password).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] respond(byte[] challenge) throws SaslException {
        throw new SaslException("PLAIN expects no challenge");
    }

    @Override
    public void verifySuccess(byte[] additionalData) throws SaslException {
        if (additionalData.length != 0) {
            throw new SaslException("PLAIN success carries no data");
        }
    }
}
