package io.portbind.chat.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Writes to the store that must arrive in the order they were made: a node's announcements about its
 * sessions and the stanzas it publishes to other nodes, which a pool of connections could reorder. One
 * thread of its own with one connection sends them, whatever has queued up meanwhile going as one pipelined
 * batch, so the order holds and a busy node pays one round trip per batch, not per stanza. Callers on event
 * loops never wait: the queue is bounded, and what does not fit while the store is unreachable is dropped
 * (and said so in the log), as the stanzas would be lost with the store anyway.
 */
final class OrderedWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedWriter.class);
    private static final int QUEUED = 100_000;
    private static final int BATCH = 1024;
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(200);

    private final BlockingQueue<Consumer<Pipeline>> queue = new ArrayBlockingQueue<>(QUEUED);
    private final Supplier<Jedis> connect;
    private final Thread thread;
    private volatile boolean closing;
    private Jedis connection;
    private long dropped;

    OrderedWriter(String name, Supplier<Jedis> connect) {
        this.connect = connect;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues {@code command} for the store; safe from any thread, never blocks. */
    void submit(Consumer<Pipeline> command) {
        if (!queue.offer(command)) {
            synchronized (this) {
                if (dropped++ % QUEUED == 0) {
                    LOG.warn("the store is not keeping up: {} writes to other nodes dropped so far", dropped);
                }
            }
        }
    }

    private void run() {
        List<Consumer<Pipeline>> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                Consumer<Pipeline> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                send(batch);
            } catch (InterruptedException e) {
                return;
            } finally {
                batch.clear();
            }
        }
        closeConnection();
    }

    private void send(List<Consumer<Pipeline>> batch) throws InterruptedException {
        try {
            if (connection == null) {
                connection = connect.get();
            }
            Pipeline pipeline = connection.pipelined();
            batch.forEach(command -> command.accept(pipeline));
            pipeline.sync();
        } catch (JedisException e) {
            LOG.warn("{} writes to the store lost: {}", batch.size(), e.toString());
            closeConnection();
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JedisException ignored) {
                // Already broken; nothing more to release.
            }
            connection = null;
        }
    }

    /** Sends what is queued, waiting at most {@code bound}, then stops. */
    void close(Duration bound) {
        closing = true;
        try {
            thread.join(bound.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }
}
