package io.portbind.chat.cluster;

import io.portbind.chat.session.Resource;
import io.portbind.common.resp.RespClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.params.SetParams;

/**
 * Which nodes live. Each node renews a key with a short expiry every {@link #INTERVAL}; a node whose key has
 * expired died without a clean stop (SIGKILL, a lost machine). Every node looks for such nodes as often, and
 * the one that claims a dead node first tells everyone who could see its resources that they are gone, then
 * removes its keys. A dead node's sessions are thus unavailable to everyone within {@link #DETECTION_BOUND}.
 */
final class Heartbeats implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration TTL = Duration.ofSeconds(3);
    /** The key's expiry, one look for dead nodes after it, and a second for the news to arrive. */
    static final Duration DETECTION_BOUND = TTL.plus(INTERVAL).plus(Duration.ofSeconds(1));
    /** How long a claim on a dead node holds, should its claimant die too. */
    private static final Duration CLAIM = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private final String id;
    private final RespClient client;
    private final ClusterKeys keys;
    private final OrderedWriter writer;
    private final ClusterNode node;
    private final Consumer<Resource> departed;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cluster-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    Heartbeats(String id, RespClient client, ClusterKeys keys, OrderedWriter writer, ClusterNode node,
               Consumer<Resource> departed) {
        this.id = id;
        this.client = client;
        this.keys = keys;
        this.writer = writer;
        this.node = node;
        this.departed = departed;
        timer.scheduleWithFixedDelay(this::beat, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        writer.submit(store -> {
            store.set(keys.alive(id), "1", SetParams.setParams().px(TTL.toMillis()));
            store.sadd(keys.nodes(), id);
        });
        try {
            reapDeadNodes();
        } catch (RuntimeException e) {
            LOG.debug("could not look for dead nodes: {}", RespClient.unwrap(e).toString());
        }
    }

    /** Runs on the timer's own thread, so it may wait for the store. */
    private void reapDeadNodes() {
        List<String> dead = client.call(store -> {
            List<String> claimed = new ArrayList<>();
            for (String other : store.smembers(keys.nodes())) {
                if (!other.equals(id) && !store.exists(keys.alive(other)) && store.set(keys.reaper(other), id,
                        SetParams.setParams().nx().px(CLAIM.toMillis())) != null) {
                    claimed.add(other);
                }
            }
            return claimed;
        }).join();
        for (String other : dead) {
            Map<String, String> resources = client.call(store -> store.hgetAll(keys.resources(other))).join();
            LOG.info("node {} stopped renewing its heartbeat: its {} resources are gone", other, resources.size());
            resources.forEach((jid, entry) -> departed.accept(ClusterMessages.resource(other, jid, entry, node)));
            client.call(store -> {
                store.del(keys.resources(other), keys.alive(other));
                return store.srem(keys.nodes(), other);
            }).join();
            node.announceGone(other);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
