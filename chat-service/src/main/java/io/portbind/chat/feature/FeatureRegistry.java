package io.portbind.chat.feature;

import io.portbind.chat.routing.Addressee;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The table IQ requests are dispatched on: type ({@code get} or {@code set}), addressee kind and
 * payload namespace, plus the disco features the installed modules implement. Filled at start,
 * read-only afterwards.
 */
public final class FeatureRegistry {

    private record Key(String type, Addressee addressee, String namespace) {
    }

    private final Map<Key, IqHandler> handlers = new HashMap<>();
    private final SortedSet<String> discoFeatures = new TreeSet<>();

    /** Registers {@code handler} for {@code type} requests in {@code namespace} to each of {@code addressees}. */
    public void iq(String type, String namespace, Set<Addressee> addressees, IqHandler handler) {
        for (Addressee addressee : addressees) {
            if (handlers.putIfAbsent(new Key(type, addressee, namespace), handler) != null) {
                throw new IllegalStateException("two handlers for " + type + " " + namespace + " to " + addressee);
            }
        }
    }

    /** Announces {@code var} in the server's disco#info. */
    public void discoFeature(String var) {
        discoFeatures.add(var);
    }

    /** The handler for the request, or {@code null}. */
    public IqHandler find(String type, Addressee addressee, String namespace) {
        return handlers.get(new Key(type, addressee, namespace));
    }

    public Set<String> discoFeatures() {
        return Collections.unmodifiableSortedSet(discoFeatures);
    }
}
