package io.portbind.kv.keyspace;

/**
 * The classes of {@code notify-keyspace-events}, with Redis's letters and bits. {@code K} and {@code E} choose the
 * channels (keyspace, keyevent); the others choose which events are published. Commands fire events through {@link Database#notifyEvent}.
 */
public enum EventClass {
    KEYSPACE('K', 1),
    KEYEVENT('E', 1 << 1),
    GENERIC('g', 1 << 2),
    STRING('$', 1 << 3),
    LIST('l', 1 << 4),
    SET('s', 1 << 5),
    HASH('h', 1 << 6),
    ZSET('z', 1 << 7),
    EXPIRED('x', 1 << 8),
    EVICTED('e', 1 << 9),
    STREAM('t', 1 << 10),
    KEY_MISS('m', 1 << 11),
    MODULE('d', 1 << 13),
    NEW('n', 1 << 14);

    /** {@code A}: every event class but key misses and new keys. */
    public static final int ALL = GENERIC.bit | STRING.bit | LIST.bit | SET.bit | HASH.bit | ZSET.bit | EXPIRED.bit
            | EVICTED.bit | STREAM.bit | MODULE.bit;
    /** CONFIG SET's reason for a letter that is none of these, as Redis words it. */
    public static final String INVALID = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    private final char letter;
    private final int bit;

    EventClass(char letter, int bit) {
        this.letter = letter;
        this.bit = bit;
    }

    /** This class's bit in a set of flags ({@link #parse}). */
    public int bit() {
        return bit;
    }

    /** The bits {@code classes} names, or -1 when a letter is none of Redis's (which is case-sensitive). */
    public static int parse(String classes) {
        int flags = 0;
        for (char c : classes.toCharArray()) {
            int bit = c == 'A' ? ALL : bitOf(c);
            if (bit == 0) {
                return -1;
            }
            flags |= bit;
        }
        return flags;
    }

    private static int bitOf(char letter) {
        for (EventClass type : values()) {
            if (type.letter == letter) {
                return type.bit;
            }
        }
        return 0;
    }

    /**
     * {@code flags} as CONFIG GET shows them: {@code A} for all the event classes it stands for, else their letters
     * in Redis's order; then {@code K}, {@code E} and {@code m}.
     */
    public static String format(int flags) {
        StringBuilder text = new StringBuilder();
        if ((flags & ALL) == ALL) {
            text.append('A');
        } else {
            for (EventClass type : values()) {
                if (type.bit != KEYSPACE.bit && type.bit != KEYEVENT.bit && type.bit != KEY_MISS.bit
                        && (flags & type.bit) != 0) {
                    text.append(type.letter);
                }
            }
        }
        for (EventClass type : new EventClass[] {KEYSPACE, KEYEVENT, KEY_MISS}) {
            if ((flags & type.bit) != 0) {
                text.append(type.letter);
            }
        }
        return text.toString();
    }
}
