package io.portbind.chat.store.resp;

import io.portbind.chat.throttle.WindowCounters;
import io.portbind.common.resp.RespClient;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import redis.clients.jedis.AbstractTransaction;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Window counters in the RESP store, shared by every node: {@code SET key 0 PX window NX} opens the window,
 * {@code INCR}, which keeps the expiry, counts; both in one transaction, so the key can never lose its
 * expiry between the two and count forever.
 */
public final class RespWindowCounters implements WindowCounters {

    private final RespClient client;
    private final KeyLayout keys;

    public RespWindowCounters(RespClient client, KeyLayout keys) {
        this.client = client;
        this.keys = keys;
    }

    @Override
    public CompletionStage<Long> increment(String kind, String counted, Duration window) {
        String key = keys.counter(kind, counted);
        return client.callOnOneConnection(redis -> {
            AbstractTransaction transaction = redis.multi();
            transaction.set(key, "0", SetParams.setParams().nx().px(window.toMillis()));
            Response<Long> count = transaction.incr(key);
            transaction.exec();
            return count.get();
        });
    }
}
