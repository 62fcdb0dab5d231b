package io.portbind.chat.store;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Accounts by username. Asynchronous so that a networked store (RESP via {@code KV_URL}) fits behind
 * it; callers continue in the returned stage and must not assume which thread completes it.
 */
public interface AccountStore {

    CompletionStage<Optional<Account>> find(String username);

    /** Creates the account; completes with {@code false} when the username is taken. */
    CompletionStage<Boolean> create(Account account);

    /** Replaces the credentials of an existing account (a password change). */
    CompletionStage<Void> update(Account account);

    /** Deletes the account; completes with {@code false} when there was none. */
    CompletionStage<Boolean> remove(String username);
}
