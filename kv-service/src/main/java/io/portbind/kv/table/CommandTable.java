package io.portbind.kv.table;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * All declared commands, looked up by name in any letter case without allocating: an open-addressing
 * array indexed by a case-folded hash of the name bytes.
 */
public final class CommandTable {

    private final Map<String, CommandSpec> byName = new LinkedHashMap<>();
    private final CommandSpec[] slots;
    private final int mask;

    CommandTable(Collection<CommandSpec> commands) {
        for (CommandSpec spec : commands) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("command declared twice: " + spec.name());
            }
        }
        int capacity = Integer.highestOneBit(Math.max(16, commands.size() * 4)) * 2;
        slots = new CommandSpec[capacity];
        mask = capacity - 1;
        for (CommandSpec spec : commands) {
            int slot = foldedHash(spec.name().getBytes(StandardCharsets.US_ASCII)) & mask;
            while (slots[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = spec;
        }
    }

    /** The command named {@code name} in any letter case, or null. */
    public CommandSpec lookup(byte[] name) {
        int slot = foldedHash(name) & mask;
        CommandSpec spec;
        while ((spec = slots[slot]) != null) {
            if (sameIgnoringCase(spec.name(), name)) {
                return spec;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    /**
     * The command or subcommand named {@code fullName} ({@code get}, {@code config|get}) in any letter case, or
     * null: how COMMAND INFO and COMMAND DOCS take names, as Redis's lookupCommandBySds.
     */
    public CommandSpec lookupFullName(byte[] fullName) {
        String name = new String(fullName, StandardCharsets.ISO_8859_1);
        int bar = name.indexOf('|');
        if (bar < 0) {
            return lookup(fullName);
        }
        CommandSpec container = lookup(name.substring(0, bar).getBytes(StandardCharsets.ISO_8859_1));
        if (container == null || name.indexOf('|', bar + 1) >= 0) {
            return null;
        }
        return container.subcommand(name.substring(bar + 1));
    }

    /** Every command in declaration order. */
    public Collection<CommandSpec> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    public int size() {
        return byName.size();
    }

    private static int foldedHash(byte[] name) {
        int h = 0;
        for (byte b : name) {
            h = 31 * h + lower(b);
        }
        return h ^ (h >>> 16);
    }

    private static boolean sameIgnoringCase(String lowerName, byte[] name) {
        if (lowerName.length() != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (lowerName.charAt(i) != lower(name[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b & 0xff;
    }
}
