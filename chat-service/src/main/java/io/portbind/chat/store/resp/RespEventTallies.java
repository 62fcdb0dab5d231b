package io.portbind.chat.store.resp;

import io.portbind.chat.throttle.EventTallies;
import io.portbind.common.resp.RespClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractTransaction;

/**
 * Event tallies in the RESP store, one hash per key with the count and the time of the latest event (epoch
 * milliseconds), expiring after the memory span without events. Counting does not wait for the store: a
 * count lost while the store is away costs an attacker nothing they could not get by waiting.
 */
public final class RespEventTallies implements EventTallies {

    private static final Logger LOG = LoggerFactory.getLogger(RespEventTallies.class);
    private static final String COUNT = "count";
    private static final String LAST = "last";

    private final RespClient client;
    private final KeyLayout keys;
    private final String kind;
    private final Duration memory;

    RespEventTallies(RespClient client, KeyLayout keys, String kind, Duration memory) {
        this.client = client;
        this.keys = keys;
        this.kind = kind;
        this.memory = memory;
    }

    @Override
    public CompletionStage<Tally> tally(String key) {
        return client.call(redis -> {
            List<String> fields = redis.hmget(keys.counter(kind, key), COUNT, LAST);
            if (fields.get(0) == null || fields.get(1) == null) {
                return Tally.NONE;
            }
            long since = Math.max(0, System.currentTimeMillis() - Long.parseLong(fields.get(1)));
            return new Tally(Integer.parseInt(fields.get(0)), TimeUnit.MILLISECONDS.toNanos(since));
        });
    }

    @Override
    public void record(String key) {
        String hash = keys.counter(kind, key);
        client.callOnOneConnection(redis -> {
            AbstractTransaction transaction = redis.multi();
            transaction.hincrBy(hash, COUNT, 1);
            transaction.hset(hash, LAST, Long.toString(System.currentTimeMillis()));
            transaction.pexpire(hash, memory.toMillis());
            return transaction.exec();
        }).whenComplete((done, failure) -> logLost(failure));
    }

    @Override
    public void forget(String key) {
        client.call(redis -> redis.del(keys.counter(kind, key))).whenComplete((done, failure) -> logLost(failure));
    }

    private static void logLost(Throwable failure) {
        if (failure != null) {
            LOG.debug("a login failure count was lost: {}", RespClient.unwrap(failure).toString());
        }
    }
}
