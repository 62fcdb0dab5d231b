package io.portbind.chat.store;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Accounts in this process's memory; they last as long as it runs. */
public final class InMemoryAccountStore implements AccountStore {

    private final ConcurrentMap<String, Account> accounts = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<Account>> find(String username) {
        return CompletableFuture.completedFuture(Optional.ofNullable(accounts.get(username)));
    }

    @Override
    public CompletionStage<Boolean> create(Account account) {
        return CompletableFuture.completedFuture(accounts.putIfAbsent(account.username(), account) == null);
    }

    @Override
    public CompletionStage<Void> update(Account account) {
        accounts.replace(account.username(), account);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> remove(String username) {
        return CompletableFuture.completedFuture(accounts.remove(username) != null);
    }
}
