package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.MemoryValue;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code client-output-buffer-limit}: for each {@link ClientClass}, how many reply bytes a client may leave unread.
 * Past the hard limit, or past the soft limit for longer than its seconds, the client is disconnected, as Redis's
 * {@code checkClientOutputBufferLimits} does. Zero turns a limit off.
 */
public final class OutputBufferLimits {

    /** One class's limits, in bytes and seconds. */
    public record Limit(long hardBytes, long softBytes, int softSeconds) {
    }

    /** Redis 7.0's defaults: no limit for normal clients, 256mb/64mb/60 for replicas, 32mb/8mb/60 for pub/sub. */
    public static final String DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

    private static final CommandError WRONG_COUNT =
            new CommandError("Wrong number of arguments in buffer limit configuration.");
    private static final CommandError INVALID_CLASS =
            new CommandError("Invalid client class specified in buffer limit configuration.");
    private static final CommandError INVALID_LIMIT =
            new CommandError("Error in hard, soft or soft_seconds setting in buffer limit configuration.");

    private volatile Map<ClientClass, Limit> limits = new EnumMap<>(ClientClass.class);

    public OutputBufferLimits() {
        set(DEFAULT);
    }

    public Limit limit(ClientClass type) {
        return limits.get(type);
    }

    /**
     * Sets the classes {@code text} names ({@code <class> <hard> <soft> <soft seconds>}, repeated), leaving the
     * others; nothing changes when any part is wrong. Throws {@link CommandError} with Redis's CONFIG SET reason.
     */
    public void set(String text) {
        // Split on every single space, as Redis's sdssplitlen: two spaces in a row make an empty word.
        String[] words = text.isEmpty() ? new String[0] : text.split(" ", -1);
        if (words.length % 4 != 0) {
            throw WRONG_COUNT;
        }
        Map<ClientClass, Limit> next = new EnumMap<>(limits);
        for (int i = 0; i < words.length; i += 4) {
            next.put(clientClass(words[i]), new Limit(bytes(words[i + 1]), bytes(words[i + 2]), seconds(words[i + 3])));
        }
        limits = next;
    }

    /** As CONFIG GET shows it: every class, the byte counts unsigned. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<ClientClass, Limit> entry : limits.entrySet()) {
            Limit limit = entry.getValue();
            text.append(text.length() == 0 ? "" : " ").append(entry.getKey().configName()).append(' ')
                    .append(Long.toUnsignedString(limit.hardBytes())).append(' ')
                    .append(Long.toUnsignedString(limit.softBytes())).append(' ').append(limit.softSeconds());
        }
        return text.toString();
    }

    private static ClientClass clientClass(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "normal":
                return ClientClass.NORMAL;
            case "slave", "replica":
                return ClientClass.REPLICA;
            case "pubsub":
                return ClientClass.PUBSUB;
            default:
                throw INVALID_CLASS;
        }
    }

    private static long bytes(String text) {
        try {
            return MemoryValue.parse(text);
        } catch (IllegalArgumentException e) {
            throw INVALID_LIMIT;
        }
    }

    /** As Redis: {@code strtoll} (an optional sign, saturating), kept in a C int, negative refused. */
    private static int seconds(String text) {
        String digits = text.replaceFirst("^[+-]", "");
        // strtoll reads nothing from a lone sign, which then remains: not a number.
        if (!text.matches("[+-]?[0-9]*") || digits.isEmpty() && !text.isEmpty()) {
            throw INVALID_LIMIT;
        }
        long value;
        if (digits.isEmpty()) {
            value = 0;
        } else {
            try {
                value = Long.parseLong(text.startsWith("+") ? digits : text);
            } catch (NumberFormatException outOfRange) {
                value = text.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
            }
        }
        int kept = (int) value;
        if (kept < 0) {
            throw INVALID_LIMIT;
        }
        return kept;
    }
}
