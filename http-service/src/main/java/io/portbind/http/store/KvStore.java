package io.portbind.http.store;

import io.portbind.common.config.RedisUrl;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The RESP store named by {@code KV_URL}, through Jedis. Jedis blocks, so every call runs on a
 * small bounded pool of its own, never on an event loop; when that pool's queue is full the call
 * fails at once instead of queueing without bound. Every call ends within {@link #DEADLINE}, with
 * the store's answer or with {@link StoreUnavailableException}, however many calls wait ahead of it
 * for a store that has stopped answering. Broken connections are dropped by the client pool and new
 * ones made on the next call, so the service recovers by itself when the store returns.
 */
public final class KvStore implements AutoCloseable {

    /** The longest any call takes, waiting in the queue included. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final int THREADS = 8;
    /** What a slow store (not a hung one) may take per call; the queue is sized for it. */
    private static final Duration SLOW_CALL = Duration.ofMillis(50);
    /** As many calls as the threads get through within the deadline from a slow store: all are answered in time. */
    private static final int QUEUED_CALLS = (int) (THREADS * DEADLINE.toMillis() / SLOW_CALL.toMillis());
    private static final int SCAN_COUNT = 100;
    private static final int PUT_ATTEMPTS = 3;
    /** Together within the deadline, so that one command to a hung store fails by itself as the deadline passes. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(2000);

    private final RedisUrl url;
    private final RedisClient client;
    private final ThreadPoolExecutor executor;

    public KvStore(RedisUrl url) {
        this.url = url;
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .connectionTimeoutMillis((int) CONNECT_TIMEOUT.toMillis())
                .socketTimeoutMillis((int) REPLY_TIMEOUT.toMillis())
                .database(url.database())
                .clientName("http-service");
        url.user().ifPresent(config::user);
        url.password().ifPresent(config::password);
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(THREADS);
        pool.setMaxIdle(THREADS);
        pool.setMinIdle(0);
        pool.setJmxEnabled(false);
        this.client = RedisClient.builder().hostAndPort(url.host(), url.port()).clientConfig(config.build())
                .poolConfig(pool).build();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_CALLS), runnable -> {
                    Thread thread = new Thread(runnable, "kv-client");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    public RedisUrl url() {
        return url;
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

    /**
     * Runs {@code command} on the pool. A call still queued when its deadline passes is not run at all:
     * its caller has had its answer, and the thread is better spent on a call that can still be.
     */
    private <T> CompletableFuture<T> call(Function<UnifiedJedis, T> command) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                if (!answer.isDone()) {
                    run(command, answer);
                }
            });
        } catch (RejectedExecutionException e) {
            answer.completeExceptionally(new StoreUnavailableException("KV store busy", e));
            return answer;
        }
        // The JDK's shared timer fails the call at its deadline; an answer in time cancels the timer.
        return answer.orTimeout(DEADLINE.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(failure instanceof TimeoutException ? new StoreUnavailableException(
                        "KV store did not answer within " + DEADLINE.toMillis() + " ms", failure) : failure));
    }

    private <T> void run(Function<UnifiedJedis, T> command, CompletableFuture<T> answer) {
        try {
            answer.complete(command.apply(client));
        } catch (JedisDataException e) {
            answer.completeExceptionally(e);
        } catch (JedisException e) {
            // Connection refused, reset, timed out, or no pooled connection to be had.
            answer.completeExceptionally(new StoreUnavailableException("KV store unreachable at " + url, e));
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** The cause a failed call completed with, without the wrapping {@link CompletionException}. */
    public static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
