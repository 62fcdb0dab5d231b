package io.portbind.chat.store.resp;

import io.portbind.chat.store.Account;
import io.portbind.chat.store.AccountStore;
import io.portbind.common.resp.RespClient;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import redis.clients.jedis.params.SetParams;

/** Accounts in the RESP store, one string per account: {@code SET NX} creates, {@code SET XX} replaces. */
public final class RespAccountStore implements AccountStore {

    private final RespClient client;
    private final KeyLayout keys;

    public RespAccountStore(RespClient client, KeyLayout keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public CompletionStage<Optional<Account>> find(String username) {
        return client.call(redis -> Optional.ofNullable(redis.get(keys.account(username)))
                .map(value -> AccountCodec.decode(username, value)));
    }

    @Override
    public CompletionStage<Boolean> create(Account account) {
        return client.call(redis -> redis.set(keys.account(account.username()), AccountCodec.encode(account),
                SetParams.setParams().nx()) != null);
    }

    @Override
    public CompletionStage<Void> update(Account account) {
        return client.call(redis -> {
            redis.set(keys.account(account.username()), AccountCodec.encode(account), SetParams.setParams().xx());
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> remove(String username) {
        return client.call(redis -> redis.del(keys.account(username)) > 0);
    }
}
