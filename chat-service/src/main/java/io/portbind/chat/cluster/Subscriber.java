package io.portbind.chat.cluster;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisException;

/**
 * A node's subscription to its channels, on a thread of its own that blocks reading what the store pushes.
 * When the connection breaks it subscribes again, after a pause, for as long as the node runs. Each time the
 * subscription is complete, {@code onSubscribed} runs on that thread before any message is handed on: what
 * arrives meanwhile waits in the socket, so a node that reloads its view of the others there misses nothing.
 */
final class Subscriber implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    private static final Duration RESUBSCRIBE_PAUSE = Duration.ofMillis(500);

    private final Supplier<Jedis> connect;
    private final List<String> channels;
    private final BiConsumer<String, String> onMessage;
    private final Runnable onSubscribed;
    private final Thread thread;
    private volatile boolean closed;
    private volatile JedisPubSub current;
    private volatile Jedis connection;
    /** Belongs to the subscriber's thread: the subscription broke and has not been made again. */
    private boolean lost;

    Subscriber(String name, Supplier<Jedis> connect, List<String> channels, BiConsumer<String, String> onMessage,
               Runnable onSubscribed) {
        this.connect = connect;
        this.channels = List.copyOf(channels);
        this.onMessage = onMessage;
        this.onSubscribed = onSubscribed;
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!closed) {
            try (Jedis jedis = connect.get()) {
                connection = jedis;
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String channel, int subscribedChannels) {
                        if (subscribedChannels == channels.size()) {
                            if (lost) {
                                LOG.info("subscribed to the other nodes again");
                                lost = false;
                            }
                            onSubscribed.run();
                        }
                    }

                    @Override
                    public void onMessage(String channel, String message) {
                        try {
                            Subscriber.this.onMessage.accept(channel, message);
                        } catch (RuntimeException e) {
                            LOG.warn("could not handle a message on {}", channel, e);
                        }
                    }
                };
                current = pubSub;
                jedis.subscribe(pubSub, channels.toArray(String[]::new));
            } catch (JedisException | IllegalStateException e) {
                if (!closed) {
                    // Once per outage: while the store is away, every attempt would say the same.
                    if (!lost) {
                        LOG.warn("subscription to the other nodes lost, subscribing again: {}", e.toString());
                        lost = true;
                    }
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RESUBSCRIBE_PAUSE.toMillis());
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        JedisPubSub pubSub = current;
        try {
            if (pubSub != null && pubSub.isSubscribed()) {
                pubSub.unsubscribe();
            }
        } catch (JedisException ignored) {
            // The connection is going anyway.
        }
        Jedis jedis = connection;
        if (jedis != null) {
            jedis.disconnect();
        }
        thread.interrupt();
    }
}
