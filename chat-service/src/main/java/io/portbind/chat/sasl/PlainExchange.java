package io.portbind.chat.sasl;

import io.portbind.chat.account.DecoyAccounts;
import io.portbind.chat.account.PasswordHasher;
import io.portbind.chat.store.AccountStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * PLAIN (RFC 4616): {@code authzid NUL authcid NUL password} in one message. The password is checked
 * against the stored SCRAM keys by re-deriving them, which is PBKDF2 and so runs on the hashing pool.
 * A name without an account is checked against its decoy the same way, so it costs as much.
 */
public final class PlainExchange implements SaslExchange {

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final DecoyAccounts decoys;
    private String username;

    public PlainExchange(AccountStore accounts, PasswordHasher hasher, DecoyAccounts decoys) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.decoys = decoys;
    }

    @Override
    public CompletionStage<SaslStep> step(byte[] message) {
        if (message == null) {
            return CompletableFuture.completedFuture(SaslStep.challenge(new byte[0]));
        }
        String[] parts = new String(message, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return CompletableFuture.completedFuture(SaslStep.failure(SaslFailure.MALFORMED_REQUEST));
        }
        Optional<String> normalized = Usernames.normalize(parts[1]);
        if (normalized.isEmpty()) {
            return CompletableFuture.completedFuture(SaslStep.failure(SaslFailure.NOT_AUTHORIZED));
        }
        if (!Usernames.authorizesOnlySelf(parts[0], normalized.get())) {
            return CompletableFuture.completedFuture(SaslStep.failure(SaslFailure.INVALID_AUTHZID));
        }
        username = normalized.get();
        String password = parts[2];
        return accounts.find(username).thenCompose(account -> hasher
                .verifyAsync(account.orElseGet(() -> decoys.account(username)), password)
                .thenApply(matches -> matches && account.isPresent()
                        ? SaslStep.success(account.get().username(), new byte[0])
                        : SaslStep.failure(SaslFailure.NOT_AUTHORIZED)));
    }

    @Override
    public String username() {
        return username;
    }
}
