package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
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

    /**
     * What one range command fixes before its options are read, as the arguments of Redis's
     * zrangeGenericCommand: where the result goes, and the range type and direction. With {@link By#AUTO}
     * (ZRANGE, ZRANGESTORE) the BYSCORE, BYLEX and REV options choose them; the older forms fix both.
     */
    record Form(Output output, By by, Direction direction) {
        /** ZRANGE: by rank unless BYSCORE or BYLEX, forward unless REV; replied. */
        static final Form ZRANGE = new Form(Output.REPLY, By.AUTO, Direction.FORWARD);
        /** ZRANGESTORE: as ZRANGE, stored at the destination instead of replied. */
        static final Form ZRANGESTORE = new Form(Output.STORE, By.AUTO, Direction.FORWARD);
        /** ZRANGEBYSCORE: by score, lowest first. */
        static final Form ZRANGEBYSCORE = new Form(Output.REPLY, By.SCORE, Direction.FORWARD);
        /** ZREVRANGEBYSCORE: by score, highest first (max before min in the arguments). */
        static final Form ZREVRANGEBYSCORE = new Form(Output.REPLY, By.SCORE, Direction.REVERSE);
        /** ZRANGEBYLEX: by member, lexicographically ascending. */
        static final Form ZRANGEBYLEX = new Form(Output.REPLY, By.LEX, Direction.FORWARD);
        /** ZREVRANGEBYLEX: by member, descending (max before min in the arguments). */
        static final Form ZREVRANGEBYLEX = new Form(Output.REPLY, By.LEX, Direction.REVERSE);
        /** ZREVRANGE: by rank, highest score first. */
        static final Form ZREVRANGE = new Form(Output.REPLY, By.RANK, Direction.REVERSE);
    }

    private static final CommandError LIMIT_NEEDS_BY = new CommandError(
            "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
    private static final CommandError WITHSCORES_BYLEX =
            new CommandError("ERR syntax error, WITHSCORES not supported in combination with BYLEX");

    private ZRanges() {
    }

    /** The body of a range command of the given form; the source key follows the destination when storing. */
    static void range(Call call, Form form) {
        boolean store = form.output() == Output.STORE;
        int source = store ? 2 : 1;
        By by = form.by();
        Direction direction = form.direction();
        boolean revAccepted = by == By.AUTO;
        WithScores withScores = WithScores.NO;
        long offset = 0;
        long limit = -1;
        for (int i = source + 3; i < call.argCount(); i++) {
            if (!store && call.is(i, "withscores")) {
                withScores = WithScores.YES;
            } else if (call.is(i, "limit") && call.argCount() - i - 1 >= 2) {
                offset = call.longArg(i + 1);
                limit = call.longArg(i + 2);
                i += 2;
            } else if (revAccepted && call.is(i, "rev")) {
                direction = Direction.REVERSE;
                revAccepted = false;
            } else if (by == By.AUTO && call.is(i, "bylex")) {
                by = By.LEX;
            } else if (by == By.AUTO && call.is(i, "byscore")) {
                by = By.SCORE;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        boolean rev = direction == Direction.REVERSE;
        by = by == By.AUTO ? By.RANK : by;
        if (limit != -1 && by == By.RANK) {
            throw LIMIT_NEEDS_BY;
        }
        if (withScores == WithScores.YES && by == By.LEX) {
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
                : bounds == null ? byRank(zset, start, stop, direction)
                : inRange(zset, bounds, direction, offset, limit);
        if (store) {
            store(call, nodes);
        } else {
            ScoredReplies.nodes(call.reply(), nodes, withScores);
        }
    }

    /** The nodes from {@code start} to {@code stop} (ranks in {@code direction}, negative from the end). */
    static List<Node> byRank(SortedSetValue zset, long start, long stop, Direction direction) {
        boolean reverse = direction == Direction.REVERSE;
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
    private static List<Node> inRange(SortedSetValue zset, Bound bounds, Direction direction, long offset,
                                      long limit) {
        boolean reverse = direction == Direction.REVERSE;
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
            ZMembers.deleteDestination(db, call.arg(1));
            call.reply().integer(0);
            return;
        }
        SortedSetValue result = new SortedSetValue();
        for (Node node : nodes) {
            result.put(node.member(), node.score());
        }
        db.put(call.arg(1), result);
        db.notifyEvent(EventClass.ZSET, "zrangestore", call.arg(1));
        call.reply().integer(nodes.size());
    }
}
