package io.portbind.chat.account;

import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramCredentials;
import io.portbind.chat.store.Account;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Stand-in accounts for names that have none, so that logging in as an unknown name looks and costs the
 * same as logging in to a real account with a wrong password, and nobody can learn which names exist.
 * Everything is derived with HMAC from a secret made at start: one name gets the same salt on every
 * attempt, as a real account does (a fresh random salt each time would give the decoy away), salts and
 * iteration counts look like real ones, and the keys come from no password at all, so none matches.
 */
public final class DecoyAccounts {

    private static final int SECRET_BYTES = 32;

    private final byte[] secret = new byte[SECRET_BYTES];

    public DecoyAccounts() {
        new SecureRandom().nextBytes(secret);
    }

    /** The stand-in for {@code username}, with credentials for every SCRAM hash like a real account. */
    public Account account(String username) {
        Map<ScramAlgorithm, ScramCredentials> credentials = new EnumMap<>(ScramAlgorithm.class);
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            byte[] salt = Arrays.copyOf(derive(algorithm, "salt", username), PasswordHasher.SALT_BYTES);
            credentials.put(algorithm, new ScramCredentials(algorithm, salt, PasswordHasher.ITERATIONS,
                    derive(algorithm, "stored key", username), derive(algorithm, "server key", username)));
        }
        return new Account(username, credentials);
    }

    private byte[] derive(ScramAlgorithm algorithm, String purpose, String username) {
        return algorithm.hmac(secret, purpose + '\0' + username);
    }
}
