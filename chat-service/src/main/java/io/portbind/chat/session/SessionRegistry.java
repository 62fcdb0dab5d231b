package io.portbind.chat.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.FullJid;

/**
 * Bound sessions by user. Each user's list is replaced, never changed in place, so readers on any
 * event loop see a consistent list without locking.
 */
public final class SessionRegistry {

    private final ConcurrentMap<BareJid, List<ClientSession>> byUser = new ConcurrentHashMap<>();

    /** Adds a bound session; returns the session it replaces, one with the same full JID. */
    public Optional<ClientSession> bind(ClientSession session) {
        ClientSession[] replaced = new ClientSession[1];
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
        return Optional.ofNullable(replaced[0]);
    }

    public void unbind(ClientSession session) {
        byUser.computeIfPresent(session.user(), (user, sessions) -> {
            List<ClientSession> updated = new ArrayList<>(sessions);
            updated.remove(session);
            return updated.isEmpty() ? null : List.copyOf(updated);
        });
    }

    /** The user's bound sessions, available or not. */
    public List<ClientSession> sessions(BareJid user) {
        return byUser.getOrDefault(user, List.of());
    }

    public Optional<ClientSession> find(FullJid jid) {
        for (ClientSession session : sessions(jid.asBareJid())) {
            if (session.jid().equals(jid)) {
                return Optional.of(session);
            }
        }
        return Optional.empty();
    }

    /** The user's sessions that sent available presence. */
    public List<ClientSession> available(BareJid user) {
        List<ClientSession> available = new ArrayList<>(2);
        for (ClientSession session : sessions(user)) {
            if (session.isAvailable()) {
                available.add(session);
            }
        }
        return available;
    }
}
