package io.portbind.chat.sasl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portbind.chat.account.DecoyAccounts;
import io.portbind.chat.account.PasswordHasher;
import io.portbind.chat.store.InMemoryAccountStore;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PLAIN checks a password with PBKDF2, and spends the same on a name without an account. */
class PlainExchangeTest {

    private final ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(1);
    private final PasswordHasher hasher = new PasswordHasher(pool);
    private final InMemoryAccountStore accounts = new InMemoryAccountStore();

    @AfterEach
    void close() {
        hasher.close();
    }

    @Test
    void theRightPasswordSucceeds() {
        accounts.create(hasher.account("romeo", "wherefore"));
        assertEquals("romeo", step("\0romeo\0wherefore").username());
    }

    @Test
    void anUnknownNameFailsLikeAWrongPassword_afterAPbkdf2DerivationOfItsOwn() {
        accounts.create(hasher.account("romeo", "wherefore"));

        assertEquals(SaslFailure.NOT_AUTHORIZED, step("\0romeo\0therefore").failure());
        assertEquals(1, pool.getTaskCount(), "one derivation for the wrong password");

        assertEquals(SaslFailure.NOT_AUTHORIZED, step("\0rosaline\0therefore").failure());
        assertEquals(2, pool.getTaskCount(), "and one for the name nobody has");
    }

    private SaslStep step(String message) {
        return new PlainExchange(accounts, hasher, new DecoyAccounts()).step(message.getBytes(StandardCharsets.UTF_8))
                .toCompletableFuture().join();
    }
}
