package io.portbind.common.resp;

import io.portbind.common.config.RedisUrl;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The RESP store named by {@code KV_URL}, through Jedis, as every service that keeps state there uses it.
 * Jedis blocks, so every call runs on a small bounded pool of its own, never on an event loop; when that
 * pool's queue is full the call fails at once instead of queueing without bound. Every call ends within
 * {@link #DEADLINE}, with the store's answer or with {@link StoreUnavailableException}, however many calls
 * wait ahead of it for a store that has stopped answering. Broken connections are dropped by the client
 * pool and new ones made on the next call, so a service recovers by itself when the store returns.
 */
public final class RespClient implements AutoCloseable {

    /** The longest any call takes, waiting in the queue included. */
    public static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final int THREADS = 8;
    /** What a slow store (not a hung one) may take per call; the queue is sized for it. */
    private static final Duration SLOW_CALL = Duration.ofMillis(50);
    /** As many calls as the threads get through within the deadline from a slow store: all are answered in time. */
    private static final int QUEUED_CALLS = (int) (THREADS * DEADLINE.toMillis() / SLOW_CALL.toMillis());
    /** Together within the deadline, so that one command to a hung store fails by itself as the deadline passes. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(1000);
    private static final Duration REPLY_TIMEOUT = Duration.ofMillis(2000);

    private final RedisUrl url;
    private final String clientName;
    private final RedisClient client;
    private final ThreadPoolExecutor executor;

    /** @param clientName  what {@code CLIENT LIST} shows for this service's connections */
    public RespClient(RedisUrl url, String clientName) {
        this.url = url;
        this.clientName = clientName;
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(THREADS);
        pool.setMaxIdle(THREADS);
        pool.setMinIdle(0);
        pool.setJmxEnabled(false);
        this.client = RedisClient.builder().hostAndPort(url.host(), url.port()).clientConfig(config(REPLY_TIMEOUT))
                .poolConfig(pool).build();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED_CALLS), runnable -> {
                    Thread thread = new Thread(runnable, clientName + "-kv-client");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** RESP2, no CLIENT SETINFO (not every RESP store has it), the URL's database and credentials. */
    private JedisClientConfig config(Duration replyTimeout) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .resp2()
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED)
                .connectionTimeoutMillis((int) CONNECT_TIMEOUT.toMillis())
                .socketTimeoutMillis((int) replyTimeout.toMillis())
                .database(url.database())
                .clientName(clientName);
        url.user().ifPresent(config::user);
        url.password().ifPresent(config::password);
        return config.build();
    }

    public RedisUrl url() {
        return url;
    }

    /** Runs {@code command} against the pooled client, on the pool, within the deadline. */
    public <T> CompletableFuture<T> call(Function<UnifiedJedis, T> command) {
        return submit(() -> command.apply(client));
    }

    /**
     * Runs {@code command} on one connection of its own for its whole length, as {@code WATCH ... MULTI ...
     * EXEC} needs; the connection goes back to the pool afterwards, unwatched.
     */
    public <T> CompletableFuture<T> callOnOneConnection(Function<Jedis, T> command) {
        return submit(() -> {
            try (Jedis jedis = new Jedis(client.getPool().getResource())) {
                try {
                    return command.apply(jedis);
                } finally {
                    jedis.unwatch();
                }
            }
        });
    }

    /**
     * A connection outside the pool, for a thread of the caller's own that must keep its commands in order on
     * one connection (the pool's would not). The caller closes it.
     */
    public Jedis connection() {
        return new Jedis(url.host(), url.port(), config(REPLY_TIMEOUT));
    }

    /**
     * A connection outside the pool for a subscriber, whose thread blocks reading pushed messages: no reply
     * timeout, so that a quiet channel does not count as a broken connection. The caller closes it.
     */
    public Jedis subscriberConnection() {
        return new Jedis(url.host(), url.port(), config(Duration.ZERO));
    }

    /** Waits, at most {@code bound}, until no call is queued or running: for a clean stop. */
    public void awaitIdle(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while ((executor.getActiveCount() > 0 || !executor.getQueue().isEmpty()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Runs {@code command} on the pool. A call still queued when its deadline passes is not run at all: its
     * caller has had its answer, and the thread is better spent on a call that can still be.
     */
    private <T> CompletableFuture<T> submit(Supplier<T> command) {
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

    private <T> void run(Supplier<T> command, CompletableFuture<T> answer) {
        try {
            answer.complete(command.get());
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

    /** Whether a failed call failed because the store could not be reached in time. */
    public static boolean isUnavailable(Throwable failure) {
        return unwrap(failure) instanceof StoreUnavailableException;
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
