package io.portbind.kv.zsets;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.Arrays;

/** A score interval as ZRANGEBYSCORE takes it: {@code 1.5}, {@code (1.5} (exclusive), {@code -inf}, {@code +inf}. */
record ScoreRange(double min, boolean minExclusive, double max, boolean maxExclusive) implements Bound {

    static final CommandError NOT_A_FLOAT = new CommandError("ERR min or max is not a float");

    static ScoreRange parse(byte[] min, byte[] max) {
        return new ScoreRange(value(min), exclusive(min), value(max), exclusive(max));
    }

    @Override
    public boolean isBelow(Node node) {
        return minExclusive ? node.score() <= min : node.score() < min;
    }

    @Override
    public boolean isAbove(Node node) {
        return maxExclusive ? node.score() >= max : node.score() > max;
    }

    private static boolean exclusive(byte[] bound) {
        return bound.length > 0 && bound[0] == '(';
    }

    /** The number after an optional {@code (}; strtod reads nothing from an empty text as 0. */
    private static double value(byte[] bound) {
        int from = exclusive(bound) ? 1 : 0;
        if (from == bound.length) {
            return 0;
        }
        byte[] number = from == 0 ? bound : Arrays.copyOfRange(bound, from, bound.length);
        try {
            return Scores.parse(number);
        } catch (CommandError notAFloat) {
            throw NOT_A_FLOAT;
        }
    }
}
