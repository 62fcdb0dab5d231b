package io.portbind.kv.eviction;

import io.portbind.kv.keyspace.KeyScope;
import java.util.Locale;

/**
 * Redis's eight {@code maxmemory-policy} values: which keys may be evicted (all, or only those with a TTL) and
 * how the victim is chosen. Declared in the order Redis lists them in its CONFIG SET error.
 */
public enum MaxmemoryPolicy {
    VOLATILE_LRU(KeyScope.WITH_TTL, Choice.LRU),
    VOLATILE_LFU(KeyScope.WITH_TTL, Choice.LFU),
    VOLATILE_RANDOM(KeyScope.WITH_TTL, Choice.RANDOM),
    VOLATILE_TTL(KeyScope.WITH_TTL, Choice.TTL),
    ALLKEYS_LRU(KeyScope.ALL_KEYS, Choice.LRU),
    ALLKEYS_LFU(KeyScope.ALL_KEYS, Choice.LFU),
    ALLKEYS_RANDOM(KeyScope.ALL_KEYS, Choice.RANDOM),
    NOEVICTION(KeyScope.ALL_KEYS, Choice.NONE);

    /** How a policy picks the key to evict. */
    enum Choice {
        /** Least recently used first, from sampled idle times. */
        LRU,
        /** Least frequently used first, from sampled LFU counters. */
        LFU,
        /** Any key of the scope. */
        RANDOM,
        /** Shortest remaining time to live first. */
        TTL,
        /** Nothing is evicted: writes are refused instead. */
        NONE
    }

    private final KeyScope scope;
    private final Choice choice;

    MaxmemoryPolicy(KeyScope scope, Choice choice) {
        this.scope = scope;
        this.choice = choice;
    }

    KeyScope scope() {
        return scope;
    }

    Choice choice() {
        return choice;
    }

    /** Whether keys keep LFU counters rather than LRU clocks under this policy. */
    public boolean usesLfu() {
        return choice == Choice.LFU;
    }

    /** The name as Redis spells it, such as {@code allkeys-lru}. */
    public String text() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The policy named {@code text} in any case, or null. */
    public static MaxmemoryPolicy find(String text) {
        for (MaxmemoryPolicy policy : values()) {
            if (policy.text().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        return null;
    }

    /** {@code volatile-lru, volatile-lfu, ...}: the list Redis's error shows. */
    static String listed() {
        StringBuilder list = new StringBuilder();
        for (MaxmemoryPolicy policy : values()) {
            list.append(list.isEmpty() ? "" : ", ").append(policy.text());
        }
        return list.toString();
    }
}
