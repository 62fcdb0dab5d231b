package io.portbind.chat.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;
import org.jxmpp.jid.BareJid;

/** Rosters in this process's memory; each roster is guarded by its own lock. */
public final class InMemoryRosterStore implements RosterStore {

    private final ConcurrentMap<BareJid, StoredRoster> rosters = new ConcurrentHashMap<>();

    /** One owner's items in insertion order and the version they are at. */
    private static final class StoredRoster {
        private final Map<BareJid, RosterItem> items = new LinkedHashMap<>();
        private long version;
    }

    private StoredRoster of(BareJid owner) {
        return rosters.computeIfAbsent(owner, ignored -> new StoredRoster());
    }

    @Override
    public CompletionStage<Roster> roster(BareJid owner) {
        StoredRoster stored = of(owner);
        synchronized (stored) {
            List<RosterItem> items = new ArrayList<>(stored.items.values());
            return CompletableFuture.completedFuture(new Roster(stored.version, items));
        }
    }

    @Override
    public CompletionStage<RosterItem> item(BareJid owner, BareJid contact) {
        StoredRoster stored = of(owner);
        synchronized (stored) {
            return CompletableFuture.completedFuture(stored.items.getOrDefault(contact, RosterItem.unknown(contact)));
        }
    }

    @Override
    public CompletionStage<RosterChange> update(BareJid owner, BareJid contact, UnaryOperator<RosterItem> change) {
        StoredRoster stored = of(owner);
        synchronized (stored) {
            RosterItem before = stored.items.getOrDefault(contact, RosterItem.unknown(contact));
            RosterItem after = change.apply(before);
            if (!after.equals(before)) {
                stored.version++;
                if (after.isEmpty()) {
                    stored.items.remove(contact);
                } else {
                    stored.items.put(contact, after);
                }
            }
            return CompletableFuture.completedFuture(new RosterChange(before, after, stored.version));
        }
    }

    @Override
    public CompletionStage<Void> removeAll(BareJid owner) {
        // The version keeps counting up, so a re-created account never sees a version reused.
        StoredRoster stored = of(owner);
        synchronized (stored) {
            stored.items.clear();
            stored.version++;
        }
        return CompletableFuture.completedFuture(null);
    }
}
