package io.portbind.chat.sasl;

import java.security.MessageDigest;

/**
 * What the server keeps of a password for one SCRAM hash (RFC 5802 section 3): enough to check a
 * client's proof and to prove itself, never enough to log in as the user.
 */
public record ScramCredentials(ScramAlgorithm algorithm, byte[] salt, int iterations, byte[] storedKey,
                               byte[] serverKey) {

    public static ScramCredentials derive(ScramAlgorithm algorithm, String password, byte[] salt, int iterations) {
        byte[] salted = algorithm.saltedPassword(password, salt, iterations);
        byte[] clientKey = algorithm.hmac(salted, "Client Key");
        byte[] serverKey = algorithm.hmac(salted, "Server Key");
        return new ScramCredentials(algorithm, salt.clone(), iterations, algorithm.hash(clientKey), serverKey);
    }

    /** Whether {@code password} is the one these credentials were derived from; runs PBKDF2. */
    public boolean matches(String password) {
        ScramCredentials candidate = derive(algorithm, password, salt, iterations);
        return MessageDigest.isEqual(candidate.storedKey, storedKey);
    }
}
