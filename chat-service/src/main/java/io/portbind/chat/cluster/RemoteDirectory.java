package io.portbind.chat.cluster;

import io.portbind.chat.session.RemoteSessions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityFullJid;

/**
 * This node's picture of the resources bound on the other nodes, kept current by their announcements. Each
 * user's list is replaced, never changed in place, so event loops read it without locking. A resource is
 * known by its full JID and its node together: during a conflict the same full JID is briefly on two nodes.
 */
final class RemoteDirectory implements RemoteSessions {

    private final ConcurrentMap<BareJid, List<RemoteResource>> byUser = new ConcurrentHashMap<>();

    @Override
    public List<RemoteResource> of(BareJid user) {
        return byUser.getOrDefault(user, List.of());
    }

    void put(RemoteResource resource) {
        byUser.compute(resource.jid().asBareJid(), (user, resources) -> {
            List<RemoteResource> updated = new ArrayList<>(resources == null ? List.of() : resources);
            updated.removeIf(existing -> same(existing, resource.node(), resource.jid()));
            updated.add(resource);
            return List.copyOf(updated);
        });
    }

    void remove(String node, EntityFullJid jid) {
        byUser.computeIfPresent(jid.asBareJid(), (user, resources) -> without(resources, node, jid));
    }

    /** Forgets every resource of {@code node}. */
    void removeNode(String node) {
        for (BareJid user : byUser.keySet()) {
            byUser.computeIfPresent(user, (ignored, resources) -> {
                List<RemoteResource> updated = new ArrayList<>(resources);
                updated.removeIf(existing -> existing.node().equals(node));
                return updated.isEmpty() ? null : List.copyOf(updated);
            });
        }
    }

    /** Starts again from what the store holds, after (re)subscribing. */
    void replaceAll(Collection<RemoteResource> resources) {
        byUser.clear();
        resources.forEach(this::put);
    }

    private static List<RemoteResource> without(List<RemoteResource> resources, String node, EntityFullJid jid) {
        List<RemoteResource> updated = new ArrayList<>(resources);
        updated.removeIf(existing -> same(existing, node, jid));
        return updated.isEmpty() ? null : List.copyOf(updated);
    }

    private static boolean same(RemoteResource resource, String node, EntityFullJid jid) {
        return resource.node().equals(node) && resource.jid().equals(jid);
    }
}
