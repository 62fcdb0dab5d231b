package io.portbind.kv.eviction;

/**
 * A key's access stamp ({@code Database.accessStamp}) in the terms files and RESTORE use: idle seconds under an
 * LRU policy, the LFU counter under an LFU one (Redis's RDB_OPCODE_IDLE and RDB_OPCODE_FREQ, {@code RESTORE ...
 * IDLETIME} and {@code FREQ}).
 */
public final class KeyStamps {

    private KeyStamps() {
    }

    /** Seconds since the access the LRU stamp records, as OBJECT IDLETIME reports. */
    public static long idleSeconds(int stamp, long nowMillis) {
        return LruClock.idleMillis(stamp, nowMillis) / 1000;
    }

    /** The LRU stamp of a key last accessed {@code idleSeconds} ago (Redis's objectSetLRUOrLFU). */
    public static int fromIdleSeconds(long idleSeconds, long nowMillis) {
        return LruClock.clock(nowMillis - Math.max(0, idleSeconds) * 1000);
    }

    /** The LFU counter after the decay due by now, as OBJECT FREQ reports. */
    public static int frequency(int stamp, long nowMillis, int decayMinutes) {
        return LfuCounter.decayed(stamp, nowMillis, decayMinutes);
    }

    /** The LFU stamp of a key whose counter is {@code frequency} (0 to 255) now. */
    public static int fromFrequency(int frequency, long nowMillis) {
        return LfuCounter.minutes(nowMillis) << 8 | Math.max(0, Math.min(255, frequency));
    }
}
