package io.portbind.bench.xmpp;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import javax.security.sasl.SaslException;

/** SASL SCRAM-SHA-1 (RFC 5802) without channel binding, for ASCII user names and passwords. */
final class ScramSha1Client implements SaslClient {

    /** "n,," : no channel binding, no authorization identity. */
    private static final String GS2_HEADER = "n,,";
    /** The highest iteration count we agree to compute, so a server cannot make us spin. */
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String password;
    private final String clientFirstBare;
    private final String clientNonce;
    private byte[] expectedServerSignature;

    ScramSha1Client(String user, String password) {
        this(user, password, randomNonce());
    }

    /** With a fixed nonce, for the RFC's test vector. */
    ScramSha1Client(String user, String password, String clientNonce) {
        this.password = password;
        this.clientNonce = clientNonce;
        this.clientFirstBare = "n=" + user.replace("=", "=3D").replace(",", "=2C") + ",r=" + clientNonce;
    }

    @Override
    public String mechanism() {
        return "SCRAM-SHA-1";
    }

    @Override
    public byte[] initialResponse() {
        return (GS2_HEADER + clientFirstBare).getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the server-first message with the client-final message carrying the proof. */
    @Override
    public byte[] respond(byte[] challenge) throws SaslException {
        if (expectedServerSignature != null) {
            throw new SaslException("unexpected second SCRAM challenge");
        }
        String serverFirst = new String(challenge, StandardCharsets.UTF_8);
        Map<Character, String> fields = parse(serverFirst);
        String nonce = require(fields, 'r');
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException("server nonce does not extend ours");
        }
        byte[] salt = Base64.getDecoder().decode(require(fields, 's'));
        int iterations = parseIterations(require(fields, 'i'));
        String withoutProof = "c=" + Base64.getEncoder().encodeToString(GS2_HEADER.getBytes(StandardCharsets.UTF_8))
                + ",r=" + nonce;
        byte[] authMessage = (clientFirstBare + "," + serverFirst + "," + withoutProof)
                .getBytes(StandardCharsets.UTF_8);
        try {
            byte[] saltedPassword = saltedPassword(salt, iterations);
            byte[] clientKey = hmac(saltedPassword, "Client Key".getBytes(StandardCharsets.UTF_8));
            byte[] storedKey = MessageDigest.getInstance("SHA-1").digest(clientKey);
            byte[] proof = hmac(storedKey, authMessage);
            for (int i = 0; i < proof.length; i++) {
                proof[i] ^= clientKey[i];
            }
            byte[] serverKey = hmac(saltedPassword, "Server Key".getBytes(StandardCharsets.UTF_8));
            expectedServerSignature = hmac(serverKey, authMessage);
            return (withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof)).getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SaslException("SCRAM-SHA-1 is not available in this JDK", e);
        }
    }

    /** The server-final message ({@code v=<signature>}) must prove the server holds our keys. */
    @Override
    public void verifySuccess(byte[] additionalData) throws SaslException {
        if (expectedServerSignature == null) {
            throw new SaslException("success before the SCRAM exchange finished");
        }
        Map<Character, String> fields = parse(new String(additionalData, StandardCharsets.UTF_8));
        byte[] signature = Base64.getDecoder().decode(require(fields, 'v'));
        if (!MessageDigest.isEqual(signature, expectedServerSignature)) {
            throw new SaslException("server signature does not match");
        }
    }

    private byte[] saltedPassword(byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 160);
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(data);
    }

    private static int parseIterations(String text) throws SaslException {
        try {
            int iterations = Integer.parseInt(text);
            if (iterations >= 1 && iterations <= MAX_ITERATIONS) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new SaslException("bad SCRAM iteration count: " + text);
    }

    private static Map<Character, String> parse(String message) {
        Map<Character, String> fields = new HashMap<>();
        for (String field : message.split(",")) {
            if (field.length() >= 2 && field.charAt(1) == '=') {
                fields.put(field.charAt(0), field.substring(2));
            }
        }
        return fields;
    }

    private static String require(Map<Character, String> fields, char name) throws SaslException {
        String value = fields.get(name);
        if (value == null) {
            throw new SaslException("SCRAM message without '" + name + "'");
        }
        return value;
    }

    private static String randomNonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
