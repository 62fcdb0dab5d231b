package io.portbind.chat.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.chat.store.Account;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PLAIN password checks against stored SCRAM keys. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @AfterEach
    void close() {
        hasher.close();
    }

    @Test
    void theRightPasswordPassesEveryTime_aWrongOneNever() {
        Account romeo = hasher.account("romeo", "wherefore");
        assertTrue(verify(romeo, "wherefore"));
        assertTrue(verify(romeo, "wherefore"));
        assertFalse(verify(romeo, "therefore"));
        assertFalse(verify(romeo, "wherefore "));
    }

    @Test
    void afterAPasswordChangeTheOldPasswordNoLongerPasses() {
        Account before = hasher.account("juliet", "balcony");
        assertTrue(verify(before, "balcony"));
        Account after = hasher.account("juliet", "tomb");
        assertFalse(verify(after, "balcony"));
        assertTrue(verify(after, "tomb"));
    }

    private boolean verify(Account account, String password) {
        return hasher.verifyAsync(account, password).toCompletableFuture().join();
    }
}
