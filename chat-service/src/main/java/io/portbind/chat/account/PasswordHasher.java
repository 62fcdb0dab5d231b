package io.portbind.chat.account;

import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramCredentials;
import io.portbind.chat.store.Account;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns passwords into salted SCRAM keys and checks PLAIN passwords against them. PBKDF2 is slow on
 * purpose, so it runs on a small pool of its own, never on an event loop.
 *
 * <p>A PLAIN password that passed PBKDF2 once is remembered, in this process's memory only, as an
 * HMAC under a key made at start; the same password for the same credentials is then accepted
 * after one HMAC instead of 4096 (clients reconnect far more often than passwords change). A wrong
 * password never takes that path, so guessing still costs a full PBKDF2 each time.
 */
public final class PasswordHasher implements AutoCloseable {

    /** RFC 7677's minimum iteration count, which also is what Prosody and most clients expect. */
    public static final int ITERATIONS = 4096;
    private static final int SALT_BYTES = 16;

    private static final int MAX_REMEMBERED = 100_000;

    private final SecureRandom random = new SecureRandom();
    private final ExecutorService pool;
    private final byte[] rememberKey = new byte[32];
    private final ConcurrentMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** A password checked against exactly these credentials; a password change makes a new account. */
    private record Verified(Account account, byte[] mac) {
    }

    public PasswordHasher() {
        AtomicInteger count = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "password-hash-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        random.nextBytes(rememberKey);
    }

    /** The account with credentials for every SCRAM hash, derived on the calling thread. */
    public Account account(String username, String password) {
        Map<ScramAlgorithm, ScramCredentials> credentials = new EnumMap<>(ScramAlgorithm.class);
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            byte[] salt = new byte[SALT_BYTES];
            random.nextBytes(salt);
            credentials.put(algorithm, ScramCredentials.derive(algorithm, password, salt, ITERATIONS));
        }
        return new Account(username, credentials);
    }

    /** {@link #account} on the hashing pool. */
    public CompletionStage<Account> accountAsync(String username, String password) {
        return CompletableFuture.supplyAsync(() -> account(username, password), pool);
    }

    /** Whether {@code password} is the account's: at once if it was verified before, else on the hashing pool. */
    public CompletionStage<Boolean> verifyAsync(Account account, String password) {
        byte[] mac = ScramAlgorithm.SHA_256.hmac(rememberKey, account.username() + '\0' + password);
        Verified known = verified.get(account.username());
        if (known != null && known.account() == account && MessageDigest.isEqual(known.mac(), mac)) {
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.supplyAsync(() -> {
            boolean matches = account.credentials(ScramAlgorithm.SHA_256).matches(password);
            if (matches) {
                if (verified.size() >= MAX_REMEMBERED) {
                    verified.clear();
                }
                verified.put(account.username(), new Verified(account, mac));
            }
            return matches;
        }, pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
