package io.portbind.kv.declaration;

import java.util.List;

/**
 * The first/last/step key triple {@code COMMAND INFO} shows and whether the command has movable keys, derived
 * from the key specs as Redis 7.0 does (populateCommandLegacyRangeSpec in server.c). Plain index/range specs
 * with step 1 that follow one another are merged into one range; every other spec, a spec with another step or
 * one that does not follow the previous, and an INCOMPLETE spec mean that the triple does not cover all keys,
 * which is what movable keys says.
 *
 * @param firstKey the first key's position, 0 when there is no range
 * @param lastKey the last key's position as COMMAND INFO prints it: absolute when not negative, otherwise counted
 *     from the end (-1 the last argument)
 * @param step the distance between keys, 0 when there is no range
 * @param movableKeys whether keys may be elsewhere than the triple says
 */
public record LegacyKeyRange(int firstKey, int lastKey, int step, boolean movableKeys) {

    private static final long UNSIGNED = 0xFFFF_FFFFL;

    /** Derives the triple and the movable-keys flag from {@code specs}. */
    public static LegacyKeyRange of(List<KeySpec> specs) {
        if (specs.isEmpty()) {
            return new LegacyKeyRange(0, 0, 0, false);
        }
        if (specs.size() == 1 && specs.get(0).isIndexRange()) {
            KeySpec only = specs.get(0);
            int pos = ((BeginSearch.Index) only.beginSearch()).pos();
            FindKeys.Range range = (FindKeys.Range) only.findKeys();
            return new LegacyKeyRange(pos, absolute(pos, range.lastKey()), range.step(),
                    only.flags().contains("INCOMPLETE"));
        }
        boolean movable = false;
        int first = Integer.MAX_VALUE;
        int last = 0;
        int previousLast = 0;
        for (KeySpec spec : specs) {
            if (!spec.isIndexRange()) {
                movable = true;
                continue;
            }
            int pos = ((BeginSearch.Index) spec.beginSearch()).pos();
            FindKeys.Range range = (FindKeys.Range) spec.findKeys();
            if (range.step() != 1 || (previousLast != 0 && previousLast != pos - 1)) {
                movable = true;
                continue;
            }
            if (spec.flags().contains("INCOMPLETE")) {
                movable = true;
            }
            first = Math.min(first, pos);
            // Redis compares as unsigned, so that a last key counted from the end (negative) wins over any index.
            last = (int) Math.max(last & UNSIGNED, absolute(pos, range.lastKey()) & UNSIGNED);
            previousLast = last;
        }
        if (first == Integer.MAX_VALUE) {
            return new LegacyKeyRange(0, 0, 0, true);
        }
        return new LegacyKeyRange(first, last, 1, movable);
    }

    /** A range's last key as an absolute position when it is one, otherwise still counted from the end. */
    private static int absolute(int pos, int lastKey) {
        return lastKey >= 0 ? pos + lastKey : lastKey;
    }
}
