package io.portbind.chat.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;

/**
 * Bound resources by user: this node's sessions, and those of the server's other nodes as {@link
 * RemoteSessions} knows them. Each user's list of local sessions is replaced, never changed in place, so
 * readers on any event loop see a consistent list without locking. Every change to a local session is told
 * to the {@link SessionEvents}, so that the other nodes can route to it.
 */
public final class SessionRegistry {

    private final ConcurrentMap<BareJid, List<ClientSession>> byUser = new ConcurrentHashMap<>();
    private final RemoteSessions remote;
    private final SessionEvents events;

    public SessionRegistry() {
        this(RemoteSessions.NONE, SessionEvents.NONE);
    }

    public SessionRegistry(RemoteSessions remote, SessionEvents events) {
        this.remote = remote;
        this.events = events;
    }

    /** Adds a bound session; returns the resource it replaces, one with the same full JID, here or elsewhere. */
    public Optional<Resource> bind(ClientSession session) {
        Resource[] replaced = new Resource[1];
        byUser.compute(session.user(), (user, sessions) -> {
            List<ClientSession> updated = new ArrayList<>(sessions == null ? List.of() : sessions);
            updated.removeIf(existing -> {
                boolean same = existing.jid().equals(session.jid());
                if (same) {
                    replaced[0] = existing;
                }
                return same;
            });
            updated.add(session);
            return List.copyOf(updated);
        });
        if (replaced[0] == null) {
            for (Resource elsewhere : remote.of(session.user())) {
                if (elsewhere.jid().equals(session.jid())) {
                    replaced[0] = elsewhere;
                }
            }
        }
        events.bound(session);
        return Optional.ofNullable(replaced[0]);
    }

    public void unbind(ClientSession session) {
        byUser.computeIfPresent(session.user(), (user, sessions) -> {
            List<ClientSession> updated = new ArrayList<>(sessions);
            updated.remove(session);
            return updated.isEmpty() ? null : List.copyOf(updated);
        });
        events.unbound(session);
    }

    /** A bound session's presence or roster interest changed; news of a session already unbound is none. */
    public void changed(ClientSession session) {
        if (local(session.user()).contains(session)) {
            events.changed(session);
        }
    }

    /** The user's sessions on this node. */
    public List<ClientSession> local(BareJid user) {
        return byUser.getOrDefault(user, List.of());
    }

    /** Every session on this node. */
    public List<ClientSession> allLocal() {
        List<ClientSession> all = new ArrayList<>();
        byUser.values().forEach(all::addAll);
        return all;
    }

    /** The user's bound resources on every node, available or not. */
    public List<Resource> sessions(BareJid user) {
        List<? extends Resource> elsewhere = remote.of(user);
        List<ClientSession> here = local(user);
        if (elsewhere.isEmpty()) {
            return List.copyOf(here);
        }
        List<Resource> all = new ArrayList<>(here.size() + elsewhere.size());
        all.addAll(here);
        for (Resource resource : elsewhere) {
            // A full JID that just moved here (a conflict) is still listed elsewhere until that node says it went.
            if (here.stream().noneMatch(session -> session.jid().equals(resource.jid()))) {
                all.add(resource);
            }
        }
        return all;
    }

    public Optional<Resource> find(FullJid jid) {
        for (Resource session : sessions(jid.asBareJid())) {
            if (session.jid().equals(jid)) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    /** The user's resources, on every node, that sent available presence. */
    public List<Resource> available(BareJid user) {
        List<Resource> available = new ArrayList<>(2);
        for (Resource session : sessions(user)) {
            if (session.isAvailable()) {
                available.add(session);
            }
        }
        return available;
    }
}
