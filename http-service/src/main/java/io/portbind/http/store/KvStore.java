package io.portbind.http.store;

import io.portbind.common.config.RedisUrl;
import io.portbind.common.resp.RespClient;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The http-service's data API over the RESP store named by {@code KV_URL}. Each call runs through the
 * {@link RespClient}: off the event loop, on a bounded pool, and within {@link #DEADLINE}, failing with
 * {@link io.portbind.common.resp.StoreUnavailableException} when the store does not answer in time.
 */
public final class KvStore implements AutoCloseable {

    /** The longest any call takes, waiting in the queue included. */
    public static final Duration DEADLINE = RespClient.DEADLINE;
    private static final int SCAN_COUNT = 100;
    private static final int PUT_ATTEMPTS = 3;

    private final RespClient client;

    public KvStore(RedisUrl url) {
        this.client = new RespClient(url, "http-service");
    }

    public RedisUrl url() {
        return client.url();
    }

    public CompletableFuture<Optional<Entry>> get(String key) {
        return call(redis -> {
            String value = redis.get(key);
            if (value == null) {
                return Optional.empty();
            }
            long ttl = redis.ttl(key);
            return Optional.of(new Entry(key, value, ttl >= 0 ? OptionalLong.of(ttl) : OptionalLong.empty()));
        });
    }

    /**
     * Sets {@code key}, replacing any value and expiry; completes with {@code true} when the key is new.
     * Create-if-absent then replace-if-present tells the two apart with plain {@code SET} options any
     * RESP store has; a key deleted in between is tried again, a few times, then simply set.
     */
    public CompletableFuture<Boolean> put(String key, String value, OptionalLong ttlSeconds) {
        return call(redis -> {
            for (int attempt = 0; attempt < PUT_ATTEMPTS; attempt++) {
                if (redis.set(key, value, expiring(SetParams.setParams().nx(), ttlSeconds)) != null) {
                    return true;
                }
                if (redis.set(key, value, expiring(SetParams.setParams().xx(), ttlSeconds)) != null) {
                    return false;
                }
            }
            redis.set(key, value, expiring(SetParams.setParams(), ttlSeconds));
            return false;
        });
    }

    /** Completes with {@code true} when the key existed. */
    public CompletableFuture<Boolean> delete(String key) {
        return call(redis -> redis.del(key) > 0);
    }

    /** One page of the keys starting with {@code prefix}, from {@code cursor} ({@code "0"} to begin). */
    public CompletableFuture<KeyPage> scan(String prefix, String cursor) {
        return call(redis -> {
            ScanResult<String> result = redis.scan(cursor,
                    new ScanParams().match(escapeGlob(prefix) + "*").count(SCAN_COUNT));
            return new KeyPage(result.getResult(), result.getCursor());
        });
    }

    public CompletableFuture<String> ping() {
        return call(UnifiedJedis::ping);
    }

    /** The key count and whatever {@code INFO} reports; a store without {@code INFO} still has a key count. */
    public CompletableFuture<StoreInfo> info() {
        return call(redis -> {
            long keys = redis.dbSize();
            try {
                return StoreInfo.parse(keys, redis.info());
            } catch (JedisDataException e) {
                return StoreInfo.parse(keys, "");
            }
        });
    }

    private static SetParams expiring(SetParams params, OptionalLong ttlSeconds) {
        return ttlSeconds.isPresent() ? params.ex(ttlSeconds.getAsLong()) : params;
    }

    /** {@code SCAN MATCH} takes a glob: the prefix is matched literally. */
    private static String escapeGlob(String prefix) {
        StringBuilder escaped = new StringBuilder(prefix.length() + 8);
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    private <T> CompletableFuture<T> call(Function<UnifiedJedis, T> command) {
        return client.call(command);
    }

    /** The cause a failed call completed with, without the wrapping completion exception. */
    public static Throwable unwrap(Throwable failure) {
        return RespClient.unwrap(failure);
    }

    @Override
    public void close() {
        client.close();
    }
}
