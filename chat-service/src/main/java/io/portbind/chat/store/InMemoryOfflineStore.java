package io.portbind.chat.store;

import io.portbind.chat.stanza.Stanzas;
import io.portbind.chat.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jxmpp.jid.BareJid;

/** Offline messages in this process's memory, at most {@code limit} per user. */
public final class InMemoryOfflineStore implements OfflineStore {

    private final ConcurrentMap<BareJid, List<String>> messages = new ConcurrentHashMap<>();
    private final int limit;

    public InMemoryOfflineStore(int limit) {
        this.limit = limit;
    }

    @Override
    public CompletionStage<Boolean> store(BareJid owner, XmlElement message) {
        boolean[] stored = new boolean[1];
        messages.compute(owner, (ignored, queue) -> {
            List<String> list = queue == null ? new ArrayList<>() : queue;
            if (list.size() < limit) {
                list.add(message.toXml(Stanzas.CLIENT));
                stored[0] = true;
            }
            return list;
        });
        return CompletableFuture.completedFuture(stored[0]);
    }

    @Override
    public CompletionStage<List<String>> takeAll(BareJid owner) {
        List<String> taken = messages.remove(owner);
        return CompletableFuture.completedFuture(taken == null ? List.of() : taken);
    }
}
