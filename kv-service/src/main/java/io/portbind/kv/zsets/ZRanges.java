package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * ZRANGE with BYSCORE, BYLEX, REV, LIMIT and WITHSCORES, ZRANGESTORE, and the older forms that fix the
 * range type and direction (ZRANGEBYSCORE, ZREVRANGE, ...). One parser, as Redis's zrangeGenericCommand.
 */
final class ZRanges {

    enum By { AUTO, RANK, SCORE, LEX }

    private static final CommandError LIMIT_NEEDS_BY = new CommandError(
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    private static final CommandError WITHSCORES_BYLEX =
            new CommandError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

    private ZRanges() {
    }

    /** The body of a range command whose source key is at {@code source}; {@code by} and {@code reverse} preset. */
    static void range(Call call, int source, boolean store, By preset, Boolean presetReverse) {
        By by = preset;
        Boolean reverse = presetReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        for (int i = source + 3; i < call.argCount(); i++) {
            if (!store && call.is(i, "withscores")) {
                withScores = true;
            } else if (call.is(i, "limit") && call.argCount() - i - 1 >= 2) {
                offset = call.longArg(i + 1);
                limit = call.longArg(i + 2);
                i += 2;
            } else if (reverse == null && call.is(i, "rev")) {
                reverse = true;
            } else if (by == By.AUTO && call.is(i, "bylex")) {
                by = By.LEX;
            } else if (by == By.AUTO && call.is(i, "byscore")) {
                by = By.SCORE;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        boolean rev = reverse != null && reverse;
        by = by == By.AUTO ? By.RANK : by;
        if (limit != -1 && by == By.RANK) {
            throw LIMIT_NEEDS_BY;
        }
        if (withScores && by == By.LEX) {
            throw WITHSCORES_BYLEX;
        }
        byte[] low = call.arg(rev && by != By.RANK ? source + 2 : source + 1);
        byte[] high = call.arg(rev && by != By.RANK ? source + 1 : source + 2);
        long start = 0;
        long stop = 0;
        Bound bounds = null;
        switch (by) {
            case SCORE -> bounds = ScoreRange.parse(low, high);
            case LEX -> bounds = LexRange.parse(low, high);
            default -> {
                start = call.longArg(source + 1);
                stop = call.longArg(source + 2);
            }
        }
        SortedSetValue zset = call.db().get(call.arg(source), ValueType.ZSET);
        List<Node> nodes = zset == null ? List.of()
                : bounds == null ? byRank(zset, start, stop, rev) : inRange(zset, bounds, rev, offset, limit);
        if (store) {
            store(call, nodes);
        } else {
            ScoredReplies.nodes(call.reply(), nodes, withScores);
        }
    }

    /** The nodes from {@code start} to {@code stop} (ranks, negative from the end), reversed when asked. */
    static List<Node> byRank(SortedSetValue zset, long start, long stop, boolean reverse) {
        long size = zset.size();
        long from = start < 0 ? Math.max(0, size + start) : start;
        long to = Math.min(stop < 0 ? size + stop : stop, size - 1);
        if (from > to || from >= size) {
            return List.of();
        }
        List<Node> nodes = new ArrayList<>((int) (to - from + 1));
        Node node = zset.byRank(reverse ? size - 1 - from : from);
        for (long i = from; i <= to; i++) {
            nodes.add(node);
            node = reverse ? node.previous() : node.next();
        }
        return nodes;
    }

    /** The nodes inside {@code bounds}, skipping {@code offset} (by rank) and taking {@code limit} (negative: all). */
    private static List<Node> inRange(SortedSetValue zset, Bound bounds, boolean reverse, long offset, long limit) {
        Node edge = reverse ? zset.lastIn(bounds) : zset.firstIn(bounds);
        if (edge == null || offset < 0) {
            return List.of();
        }
        long rank = zset.rank(edge);
        Node node = offset == 0 ? edge : zset.byRank(reverse ? rank - offset : rank + offset);
        List<Node> nodes = new ArrayList<>();
        while (node != null && limit-- != 0 && !(reverse ? bounds.isBelow(node) : bounds.isAbove(node))) {
            nodes.add(node);
            node = reverse ? node.previous() : node.next();
        }
        return nodes;
    }

    /** ZRANGESTORE: the nodes become the destination's members, or the destination is deleted when none. */
    private static void store(Call call, List<Node> nodes) {
        Database db = call.db();
        if (nodes.isEmpty()) {
            db.delete(call.arg(1));
            call.reply().integer(0);
            return;
        }
        SortedSetValue result = new SortedSetValue();
        for (Node node : nodes) {
            result.put(node.member(), node.score());
        }
        db.put(call.arg(1), result);
        call.reply().integer(nodes.size());
    }
}
