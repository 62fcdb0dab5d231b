package io.portbind.chat.sasl;

import io.portbind.chat.account.DecoyAccounts;
import io.portbind.chat.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The server side of SCRAM (RFC 5802) without channel binding. Only HMACs and hashes run per login;
 * the slow PBKDF2 was done when the password was set. A name without an account is challenged with its
 * decoy's salt and fails only at the final message, as a wrong password does, so the exchange does not
 * tell which names exist.
 */
public final class ScramExchange implements SaslExchange {

    private static final SecureRandom NONCES = new SecureRandom();

    private enum State { AWAIT_CLIENT_FIRST, AWAIT_CLIENT_FINAL, DONE }

    private final ScramAlgorithm algorithm;
    private final AccountStore accounts;
    private final DecoyAccounts decoys;
    private final Supplier<String> serverNonces;
    private State state = State.AWAIT_CLIENT_FIRST;
    private String gs2Header;
    private String clientFirstBare;
    private String serverFirst;
    private String nonce;
    private String username;
    private boolean accountExists;
    private ScramCredentials credentials;

    public ScramExchange(ScramAlgorithm algorithm, AccountStore accounts, DecoyAccounts decoys) {
        this(algorithm, accounts, decoys, ScramExchange::serverNonce);
    }

    /** With chosen server nonces, so the exchanges printed in RFC 5802 and RFC 7677 can be replayed. */
    ScramExchange(ScramAlgorithm algorithm, AccountStore accounts, DecoyAccounts decoys,
                  Supplier<String> serverNonces) {
        this.algorithm = algorithm;
        this.accounts = accounts;
        this.decoys = decoys;
        this.serverNonces = serverNonces;
    }

    @Override
    public CompletionStage<SaslStep> step(byte[] message) {
        if (message == null && state == State.AWAIT_CLIENT_FIRST) {
            return done(SaslStep.challenge(new byte[0]));
        }
        String text = message == null ? "" : new String(message, StandardCharsets.UTF_8);
        return switch (state) {
            case AWAIT_CLIENT_FIRST -> clientFirst(text);
            case AWAIT_CLIENT_FINAL -> done(clientFinal(text));
            case DONE -> done(SaslStep.failure(SaslFailure.MALFORMED_REQUEST));
        };
    }

    private CompletionStage<SaslStep> clientFirst(String message) {
        // gs2-header: "n," or "y," (no channel binding), an optional "a=authzid", then ",".
        if (!(message.startsWith("n,") || message.startsWith("y,"))) {
            return failure(SaslFailure.MALFORMED_REQUEST);
        }
        int headerEnd = message.indexOf(',', 2);
        if (headerEnd < 0) {
            return failure(SaslFailure.MALFORMED_REQUEST);
        }
        gs2Header = message.substring(0, headerEnd + 1);
        clientFirstBare = message.substring(headerEnd + 1);
        Map<Character, String> attributes = attributes(clientFirstBare);
        String name = attributes.get('n');
        String clientNonce = attributes.get('r');
        if (name == null || clientNonce == null || clientNonce.isEmpty()) {
            return failure(SaslFailure.MALFORMED_REQUEST);
        }
        Optional<String> normalized = Usernames.normalize(name.replace("=2C", ",").replace("=3D", "="));
        if (normalized.isEmpty()) {
            return failure(SaslFailure.NOT_AUTHORIZED);
        }
        String authzid = gs2Header.length() > 3 && gs2Header.startsWith("a=", 2)
                ? gs2Header.substring(4, gs2Header.length() - 1) : "";
        if (!Usernames.authorizesOnlySelf(authzid, normalized.get())) {
            return failure(SaslFailure.INVALID_AUTHZID);
        }
        username = normalized.get();
        nonce = clientNonce + serverNonces.get();
        return accounts.find(username).thenApply(account -> {
            accountExists = account.isPresent();
            credentials = account.orElseGet(() -> decoys.account(username)).credentials(algorithm);
            serverFirst = "r=" + nonce + ",s=" + Base64.getEncoder().encodeToString(credentials.salt())
                    + ",i=" + credentials.iterations();
            state = State.AWAIT_CLIENT_FINAL;
            return SaslStep.challenge(serverFirst.getBytes(StandardCharsets.UTF_8));
        });
    }

    private SaslStep clientFinal(String message) {
        state = State.DONE;
        int proofAt = message.lastIndexOf(",p=");
        if (proofAt < 0) {
            return SaslStep.failure(SaslFailure.MALFORMED_REQUEST);
        }
        String withoutProof = message.substring(0, proofAt);
        Map<Character, String> attributes = attributes(withoutProof);
        String expectedBinding = Base64.getEncoder().encodeToString(gs2Header.getBytes(StandardCharsets.UTF_8));
        if (!expectedBinding.equals(attributes.get('c')) || !nonce.equals(attributes.get('r'))) {
            return SaslStep.failure(SaslFailure.NOT_AUTHORIZED);
        }
        byte[] proof;
        try {
            proof = Base64.getDecoder().decode(message.substring(proofAt + 3));
        } catch (IllegalArgumentException e) {
            return SaslStep.failure(SaslFailure.INCORRECT_ENCODING);
        }
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientSignature = algorithm.hmac(credentials.storedKey(), authMessage);
        if (proof.length != clientSignature.length) {
            return SaslStep.failure(SaslFailure.NOT_AUTHORIZED);
        }
        byte[] clientKey = new byte[proof.length];
        for (int i = 0; i < proof.length; i++) {
            clientKey[i] = (byte) (proof[i] ^ clientSignature[i]);
        }
        // A decoy's keys come from no password, so no proof should match them; the account check makes sure.
        if (!MessageDigest.isEqual(algorithm.hash(clientKey), credentials.storedKey()) || !accountExists) {
            return SaslStep.failure(SaslFailure.NOT_AUTHORIZED);
        }
        byte[] serverSignature = algorithm.hmac(credentials.serverKey(), authMessage);
        String serverFinal = "v=" + Base64.getEncoder().encodeToString(serverSignature);
        return SaslStep.success(username, serverFinal.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String username() {
        return username;
    }

    /** {@code k=value} pairs separated by commas; values never contain a raw comma. */
    private static Map<Character, String> attributes(String message) {
        Map<Character, String> attributes = new HashMap<>();
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(1) == '=') {
                attributes.putIfAbsent(part.charAt(0), part.substring(2));
            }
        }
        return attributes;
    }

    private static String serverNonce() {
        byte[] random = new byte[18];
        NONCES.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private CompletionStage<SaslStep> failure(SaslFailure failure) {
        state = State.DONE;
        return done(SaslStep.failure(failure));
    }

    private static CompletionStage<SaslStep> done(SaslStep step) {
        return CompletableFuture.completedFuture(step);
    }
}
