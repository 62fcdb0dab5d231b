package io.portbind.kv.zsets;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.Arrays;

/**
 * A member interval as ZRANGEBYLEX takes it: {@code [a} (inclusive), {@code (a} (exclusive), {@code -} (before
 * everything), {@code +} (after everything). Meaningful when all members have the same score.
 */
record LexRange(byte[] min, boolean minExclusive, byte[] max, boolean maxExclusive) implements Bound {

    static final CommandError NOT_A_RANGE = new CommandError("ERR min or max not valid string range item");
    /** The {@code -} and {@code +} limits, told apart from members by identity. */
    private static final byte[] LOWEST = new byte[0];
    private static final byte[] HIGHEST = new byte[0];

    static LexRange parse(byte[] min, byte[] max) {
        return new LexRange(item(min), exclusive(min), item(max), exclusive(max));
    }

    @Override
    public boolean isBelow(Node node) {
        if (min == LOWEST) {
            return false;
        }
        if (min == HIGHEST) {
            return true;
        }
        int order = Arrays.compareUnsigned(node.member(), min);
        return minExclusive ? order <= 0 : order < 0;
    }

    @Override
    public boolean isAbove(Node node) {
        if (max == HIGHEST) {
            return false;
        }
        if (max == LOWEST) {
            return true;
        }
        int order = Arrays.compareUnsigned(node.member(), max);
        return maxExclusive ? order >= 0 : order > 0;
    }

    private static boolean exclusive(byte[] item) {
        return item[0] == '(';
    }

    private static byte[] item(byte[] item) {
        if (item.length == 1 && item[0] == '-') {
            return LOWEST;
        }
        if (item.length == 1 && item[0] == '+') {
            return HIGHEST;
        }
        if (item.length == 0 || item[0] != '(' && item[0] != '[') {
            throw NOT_A_RANGE;
        }
        return Arrays.copyOfRange(item, 1, item.length);
    }
}
