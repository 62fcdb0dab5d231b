package io.portbind.kv.keyspace;

/** Which keys eviction samples: all of them ({@code allkeys-*}), or only those with a TTL ({@code volatile-*}). */
public enum KeyScope {
    ALL_KEYS,
    WITH_TTL
}
