package io.portbind.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of SCRAM-SHA-256 (RFC 5802 section 3, RFC 7677), written from the RFCs with nothing but
 * javax.crypto, so that the server's side is checked against an independent computation rather than its
 * own code. Messages are the text inside the base64 of {@code <auth/>}, {@code <challenge/>} and so on.
 */
final class ScramSha256Client {

    private final String user;
    private final String password;
    private final String clientNonce;
    private String clientFirstBare;
    private String authMessage;
    private byte[] saltedPassword;

    ScramSha256Client(String user, String password) {
        this.user = user;
        this.password = password;
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        this.clientNonce = Base64.getEncoder().encodeToString(random);
    }

    String clientFirst() {
        clientFirstBare = "n=" + user + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** The client-final-message answering the server-first-message {@code r=...,s=...,i=...}. */
    String clientFinal(String serverFirst) throws Exception {
        String[] fields = serverFirst.split(",");
        String nonce = fields[0].substring(2);
        if (!fields[0].startsWith("r=" + clientNonce) || nonce.length() == clientNonce.length()) {
            throw new AssertionError("the server's nonce must extend ours: " + serverFirst);
        }
        byte[] salt = Base64.getDecoder().decode(fields[1].substring(2));
        int iterations = Integer.parseInt(fields[2].substring(2));
        SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
        saltedPassword = pbkdf2.generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
        byte[] clientKey = hmac(saltedPassword, "Client Key");
        byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(clientKey);
        String withoutProof = "c=biws,r=" + nonce;
        authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] signature = hmac(storedKey, authMessage);
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ signature[i]);
        }
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Whether the server-final-message {@code v=...} proves the server knows the password's keys. */
    boolean serverIsVerified(String serverFinal) throws Exception {
        byte[] serverSignature = hmac(hmac(saltedPassword, "Server Key"), authMessage);
        return serverFinal.equals("v=" + Base64.getEncoder().encodeToString(serverSignature));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
