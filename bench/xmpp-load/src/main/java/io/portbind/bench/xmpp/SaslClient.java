package io.portbind.bench.xmpp;

import javax.security.sasl.SaslException;

/**
 * The client side of one SASL exchange (RFC 4422). XMPP carries these bytes base64-encoded in
 * {@code <auth/>}, {@code <challenge/>}, {@code <response/>} and {@code <success/>}.
 */
interface SaslClient {

    String mechanism();

    /** What goes into {@code <auth/>}; every mechanism here is client-first. */
    byte[] initialResponse();

    /** The answer to a server challenge. */
    byte[] respond(byte[] challenge) throws SaslException;

    /** Checks the additional data of {@code <success/>}, which proves the server knew the password. */
    void verifySuccess(byte[] additionalData) throws SaslException;
}
