package io.portbind.kv.pubsub;

import io.netty.channel.Channel;
import io.netty.channel.WriteBufferWaterMark;
import io.portbind.kv.keyspace.ByteString;
import io.portbind.kv.keyspace.GlobPattern;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.Session;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is subscribed to which channels and patterns, and message delivery. Runs under the keyspace
 * lock, like the commands that use it. Messages go out through {@link Session#send} from the
 * publisher's thread. A subscriber that does not read is disconnected once its unsent output passes
 * Redis's default {@code client-output-buffer-limit pubsub} hard limit, so it never holds up publishers
 * or grows without bound.
 */
final class PubSubHub {

    private static final Logger LOG = LoggerFactory.getLogger(PubSubHub.class);
    /** Unsent output at which a subscriber is dropped: Redis's 32 MB hard limit for pub/sub clients. */
    private static final WriteBufferWaterMark OUTPUT_LIMIT = new WriteBufferWaterMark(16 << 20, 32 << 20);
    private static final byte[] MESSAGE = ascii("message");
    private static final byte[] PMESSAGE = ascii("pmessage");

    /** One client's subscriptions, in the order it made them. */
    private static final class Subscriber {
        private final Set<ByteString> channels = new LinkedHashSet<>();
        private final Set<ByteString> patterns = new LinkedHashSet<>();

        private Set<ByteString> of(Subscription kind) {
            return kind == Subscription.PATTERN ? patterns : channels;
        }
    }

    private final Keyspace keyspace;
    private final Map<ByteString, Set<Session>> channels = new LinkedHashMap<>();
    private final Map<ByteString, Set<Session>> patterns = new LinkedHashMap<>();
    private final Map<Session, Subscriber> subscribers = new IdentityHashMap<>();

    PubSubHub(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** SUBSCRIBE or PSUBSCRIBE, as {@code kind} says, of one name; returns the client's subscription count. */
    int subscribe(Session session, byte[] name, Subscription kind) {
        Subscriber subscriber = subscriber(session);
        ByteString key = new ByteString(name.clone());
        if (subscriber.of(kind).add(key)) {
            index(kind).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(session);
        }
        return count(session, subscriber);
    }

    /** UNSUBSCRIBE or PUNSUBSCRIBE, as {@code kind} says, of one name; returns the client's subscription count. */
    int unsubscribe(Session session, byte[] name, Subscription kind) {
        Subscriber subscriber = subscribers.get(session);
        if (subscriber == null) {
            return 0;
        }
        ByteString key = new ByteString(name);
        if (subscriber.of(kind).remove(key)) {
            Map<ByteString, Set<Session>> index = index(kind);
            Set<Session> sessions = index.get(key);
            sessions.remove(session);
            if (sessions.isEmpty()) {
                index.remove(key);
            }
        }
        return count(session, subscriber);
    }

    /** The channels or patterns, as {@code kind} says, {@code session} is subscribed to, in subscription order. */
    List<byte[]> subscriptionsOf(Session session, Subscription kind) {
        Subscriber subscriber = subscribers.get(session);
        List<byte[]> names = new ArrayList<>();
        if (subscriber != null) {
            for (ByteString name : subscriber.of(kind)) {
                names.add(name.bytes());
            }
        }
        return names;
    }

    /** Drops every subscription of {@code session} without replies (RESET). */
    void unsubscribeAll(Session session) {
        for (byte[] channel : subscriptionsOf(session, Subscription.CHANNEL)) {
            unsubscribe(session, channel, Subscription.CHANNEL);
        }
        for (byte[] pattern : subscriptionsOf(session, Subscription.PATTERN)) {
            unsubscribe(session, pattern, Subscription.PATTERN);
        }
    }

    /** PUBLISH: delivers {@code message} to the channel's and the matching patterns' subscribers; returns how many. */
    int publish(byte[] channel, byte[] message) {
        List<Session> tooSlow = new ArrayList<>();
        int receivers = 0;
        Set<Session> direct = channels.get(new ByteString(channel));
        if (direct != null) {
            for (Session session : direct) {
                if (deliverable(session, tooSlow)) {
                    session.send(reply -> {
                        reply.push(3);
                        reply.bulk(MESSAGE);
                        reply.bulk(channel);
                        reply.bulk(message);
                    });
                    receivers++;
                }
            }
        }
        for (Map.Entry<ByteString, Set<Session>> entry : patterns.entrySet()) {
            byte[] pattern = entry.getKey().bytes();
            if (!GlobPattern.matches(pattern, channel, GlobPattern.Case.SENSITIVE)) {
                continue;
            }
            for (Session session : entry.getValue()) {
                if (deliverable(session, tooSlow)) {
                    session.send(reply -> {
                        reply.push(4);
                        reply.bulk(PMESSAGE);
                        reply.bulk(pattern);
                        reply.bulk(channel);
                        reply.bulk(message);
                    });
                    receivers++;
                }
            }
        }
        // Closed only now: on the publisher's own event loop, closing unsubscribes at once.
        for (Session session : tooSlow) {
            session.channel().close();
        }
        return receivers;
    }

    /** PUBSUB CHANNELS: the channels with subscribers, those matching {@code pattern} when not null. */
    List<byte[]> activeChannels(byte[] pattern) {
        List<byte[]> active = new ArrayList<>();
        for (ByteString channel : channels.keySet()) {
            if (pattern == null || GlobPattern.matches(pattern, channel.bytes(), GlobPattern.Case.SENSITIVE)) {
                active.add(channel.bytes());
            }
        }
        return active;
    }

    /** PUBSUB NUMSUB: subscribers of one channel (patterns not counted). */
    int subscriberCount(byte[] channel) {
        Set<Session> sessions = channels.get(new ByteString(channel));
        return sessions == null ? 0 : sessions.size();
    }

    /** PUBSUB NUMPAT: distinct patterns subscribed to by any client. */
    int patternCount() {
        return patterns.size();
    }

    /** The sessions subscribed to each channel, or to each pattern. */
    private Map<ByteString, Set<Session>> index(Subscription kind) {
        return kind == Subscription.PATTERN ? patterns : channels;
    }

    private Subscriber subscriber(Session session) {
        Subscriber subscriber = subscribers.get(session);
        if (subscriber == null) {
            subscriber = new Subscriber();
            subscribers.put(session, subscriber);
            Channel channel = session.channel();
            channel.config().setWriteBufferWaterMark(OUTPUT_LIMIT);
            channel.closeFuture().addListener(closed -> forgetClosed(session));
        }
        return subscriber;
    }

    private static int count(Session session, Subscriber subscriber) {
        int count = subscriber.channels.size() + subscriber.patterns.size();
        session.subscriptionCount(count);
        return count;
    }

    /** False for a closed subscriber, and for one over its output limit (which is then closed). */
    private static boolean deliverable(Session session, List<Session> tooSlow) {
        Channel channel = session.channel();
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            if (!tooSlow.contains(session)) {
                LOG.warn("closing subscriber id={} addr={}: over {} bytes of unsent messages "
                        + "(client-output-buffer-limit pubsub)", session.id(), channel.remoteAddress(),
                        OUTPUT_LIMIT.high());
                tooSlow.add(session);
            }
            return false;
        }
        return true;
    }

    private void forgetClosed(Session session) {
        keyspace.lock();
        try {
            unsubscribeAll(session);
            subscribers.remove(session);
        } finally {
            keyspace.unlock();
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
