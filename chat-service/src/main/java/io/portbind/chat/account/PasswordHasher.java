package io.portbind.chat.account;

import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramCredentials;
import io.portbind.chat.store.Account;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns passwords into salted SCRAM keys and checks PLAIN passwords against them. PBKDF2 is slow on
 * purpose, so it runs on a small pool of its own, never on an event loop.
 *
 * <p>Every PLAIN login pays the full PBKDF2: no faster stand-in for the password (a cached hash or
 * HMAC) is kept, so memory holds nothing cheaper to attack than the salted, iterated keys.
 */
public final class PasswordHasher implements AutoCloseable {

    /** RFC 7677's minimum iteration count, which also is what Prosody and most clients expect. */
    public static final int ITERATIONS = 4096;
    static final int SALT_BYTES = 16;

    private final SecureRandom random = new SecureRandom();
    private final ExecutorService pool;

    /** Hashing on a pool of its own, one thread per core. */
    public PasswordHasher() {
        this(newPool());
    }

    /** Hashing on {@code pool}, which {@link #close} shuts down. */
    public PasswordHasher(ExecutorService pool) {
        this.pool = pool;
    }

    private static ExecutorService newPool() {
        AtomicInteger count = new AtomicInteger();
        int threads = Runtime.getRuntime().availableProcessors();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "password-hash-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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

    /** Whether {@code password} is the account's, checked on the hashing pool. */
    public CompletionStage<Boolean> verifyAsync(Account account, String password) {
        return CompletableFuture.supplyAsync(() -> account.credentials(ScramAlgorithm.SHA_256).matches(password), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
