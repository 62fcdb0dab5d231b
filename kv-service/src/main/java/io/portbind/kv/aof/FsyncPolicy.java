package io.portbind.kv.aof;

import java.util.Locale;

/** Redis's {@code appendfsync}: when the AOF is fsynced. */
enum FsyncPolicy {
    /** After every write, before any reply that depends on it leaves. */
    ALWAYS,
    /** Once a second, from the writer thread: a crash of the machine loses at most about a second. */
    EVERYSEC,
    /** Never by us: the operating system writes back when it likes. */
    NO;

    /** The policy named {@code text} in any case, or null. */
    static FsyncPolicy parse(String text) {
        for (FsyncPolicy policy : values()) {
            if (policy.text().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        return null;
    }

    String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
