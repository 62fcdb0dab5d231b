package io.portbind.chat.cluster;

import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Resource;
import io.portbind.chat.session.SessionEvents;
import io.portbind.chat.session.SessionRegistry;
import io.portbind.chat.stream.StreamError;
import io.portbind.common.resp.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jxmpp.jid.EntityFullJid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process as one node of a server whose nodes share {@code XMPP_DOMAIN} and {@code KV_URL}. Nodes never
 * connect to each other: each announces its sessions on the store's broadcast channel and keeps them in a
 * hash of its own (for nodes that join later), hears the others' announcements into its {@link
 * RemoteDirectory}, and receives stanzas for its sessions on a channel of its own. {@link Heartbeats} tells
 * the living from the dead.
 */
public final class ClusterNode implements SessionEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    private static final Duration LEAVE_BOUND = Duration.ofSeconds(2);

    private final String id = UUID.randomUUID().toString().substring(0, 13);
    private final RespClient client;
    private final ClusterKeys keys;
    private final RemoteDirectory directory = new RemoteDirectory();
    private final OrderedWriter writer;
    private SessionRegistry registry;
    private Subscriber subscriber;
    private Heartbeats heartbeats;

    public ClusterNode(RespClient client, String prefix) {
        this.client = client;
        this.keys = new ClusterKeys(prefix);
        this.writer = new OrderedWriter("cluster-writer", client::connection);
    }

    public String id() {
        return id;
    }

    /** What the session registry routes to beyond this node. */
    public RemoteDirectory directory() {
        return directory;
    }

    /**
     * Joins the server: heartbeats start, the subscription is made and the other nodes' resources loaded.
     * {@code departed} hears of each resource of a node found dead, to tell everyone who could see it.
     */
    public void start(SessionRegistry sessions, Consumer<Resource> departed) {
        this.registry = sessions;
        this.heartbeats = new Heartbeats(id, client, keys, writer, this, departed);
        subscriber = new Subscriber("cluster-subscriber", client::subscriberConnection,
                List.of(keys.broadcast(), keys.inbox(id)), this::received, this::loadDirectory);
        LOG.info("node {} of the server; dead nodes' sessions end for the others within {} s", id,
                Heartbeats.DETECTION_BOUND.toSeconds());
    }

    @Override
    public void bound(ClientSession session) {
        announce(session);
    }

    @Override
    public void changed(ClientSession session) {
        announce(session);
    }

    private void announce(ClientSession session) {
        String jid = session.jid().toString();
        String entry = ClusterMessages.entry(session);
        String message = ClusterMessages.bound(id, session);
        writer.submit(store -> {
            store.hset(keys.resources(id), jid, entry);
            store.publish(keys.broadcast(), message);
        });
    }

    @Override
    public void unbound(ClientSession session) {
        String jid = session.jid().toString();
        String message = ClusterMessages.unbound(id, session.jid());
        writer.submit(store -> {
            store.hdel(keys.resources(id), jid);
            store.publish(keys.broadcast(), message);
        });
    }

    /** Publishes a stanza for a resource on {@code node}. */
    void deliver(String node, EntityFullJid jid, String xml) {
        String message = ClusterMessages.deliver(jid, xml);
        writer.submit(store -> store.publish(keys.inbox(node), message));
    }

    /** Asks {@code node} to end the stream of a resource, as a conflicting bind does. */
    void end(String node, EntityFullJid jid, StreamError condition) {
        String message = ClusterMessages.end(jid, condition.name());
        writer.submit(store -> store.publish(keys.inbox(node), message));
    }

    /** Tells every node that {@code node} is gone, its resources with it. */
    void announceGone(String node) {
        String message = ClusterMessages.gone(node);
        writer.submit(store -> store.publish(keys.broadcast(), message));
        directory.removeNode(node);
    }

    private void received(String channel, String message) {
        String kind = ClusterMessages.kind(message);
        switch (kind) {
            case ClusterMessages.BOUND -> {
                String[] fields = ClusterMessages.fields(message, 4);
                if (!fields[1].equals(id)) {
                    directory.put(ClusterMessages.resource(fields[1], fields[2], fields[3], this));
                }
            }
            case ClusterMessages.UNBOUND -> {
                String[] fields = ClusterMessages.fields(message, 3);
                directory.remove(fields[1], ClusterMessages.fullJid(fields[2]));
            }
            case ClusterMessages.GONE -> directory.removeNode(ClusterMessages.fields(message, 2)[1]);
            case ClusterMessages.DELIVER -> {
                String[] fields = ClusterMessages.fields(message, 3);
                local(fields[1]).ifPresent(session -> session.write(fields[2]));
            }
            case ClusterMessages.END -> {
                String[] fields = ClusterMessages.fields(message, 3);
                local(fields[1]).ifPresent(session -> session.fail(StreamError.valueOf(fields[2])));
            }
            default -> LOG.debug("ignoring {} on {}", kind, channel);
        }
    }

    private java.util.Optional<ClientSession> local(String jid) {
        EntityFullJid full = ClusterMessages.fullJid(jid);
        return registry.local(full.asBareJid()).stream().filter(session -> session.jid().equals(full)).findFirst();
    }

    /** The resources of every living node but this one, from their hashes; runs on the subscriber's thread. */
    private void loadDirectory() {
        try {
            List<RemoteResource> resources = client.call(store -> {
                List<RemoteResource> found = new ArrayList<>();
                for (String node : store.smembers(keys.nodes())) {
                    if (!node.equals(id) && store.exists(keys.alive(node))) {
                        for (Map.Entry<String, String> entry : store.hgetAll(keys.resources(node)).entrySet()) {
                            found.add(ClusterMessages.resource(node, entry.getKey(), entry.getValue(), this));
                        }
                    }
                }
                return found;
            }).join();
            directory.replaceAll(resources);
            LOG.debug("{} resources on other nodes", resources.size());
        } catch (RuntimeException e) {
            LOG.warn("could not load the other nodes' resources: {}", RespClient.unwrap(e).toString());
        }
    }

    /**
     * Leaves the server after a clean stop, once the sessions have ended and their unavailable presence is on its
     * way: forgets this node's keys and tells the others it is gone.
     */
    @Override
    public void close() {
        if (heartbeats != null) {
            heartbeats.close();
        }
        String gone = ClusterMessages.gone(id);
        writer.submit(store -> {
            store.del(keys.resources(id), keys.alive(id));
            store.srem(keys.nodes(), id);
            store.publish(keys.broadcast(), gone);
        });
        writer.close(LEAVE_BOUND);
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
