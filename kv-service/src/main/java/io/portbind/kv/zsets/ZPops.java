package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.BoundedArguments;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import io.portbind.kv.table.MultiPopArguments;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.ArrayList;
import java.util.List;

/** ZPOPMIN, ZPOPMAX, ZMPOP and ZREMRANGEBYRANK/SCORE/LEX. */
final class ZPops {

    private ZPops() {
    }

    static void popMin(Call call) {
        pop(call, ScoreEnd.MIN);
    }

    static void popMax(Call call) {
        pop(call, ScoreEnd.MAX);
    }

    /** ZPOPMIN/ZPOPMAX key [count]: RESP3 gets [member, score] pairs when a count was given. */
    private static void pop(Call call, ScoreEnd end) {
        if (call.argCount() > 3) {
            throw CommandError.SYNTAX;
        }
        boolean counted = call.argCount() == 3;
        long count = counted ? BoundedArguments.atLeast(call, 2, 0, BoundedArguments.NOT_POSITIVE) : 1;
        Database db = call.db();
        byte[] key = call.arg(1);
        SortedSetValue zset = db.get(key, ValueType.ZSET);
        if (zset == null || count == 0) {
            call.reply().array(0);
            return;
        }
        List<Node> popped = popNodes(db, key, zset, count, end);
        if (counted) {
            ScoredReplies.nodes(call.reply(), popped, WithScores.YES);
        } else {
            Node node = popped.get(0);
            call.reply().array(2);
            call.reply().bulk(node.member());
            call.reply().doubleValue(node.score());
        }
    }

    /** ZMPOP numkeys key [key ...] MIN|MAX [COUNT count]: pops from the first key that holds a sorted set. */
    static void multiPop(Call call) {
        if (!popFirstNonEmpty(call, parseMultiPop(call, 1))) {
            call.reply().nullArray();
        }
    }

    /** ZMPOP's and BZMPOP's arguments from {@code numkeys} on, the end word MIN or MAX. */
    static MultiPopArguments<ScoreEnd> parseMultiPop(Call call, int numkeysIndex) {
        return MultiPopArguments.parse(call, numkeysIndex, index -> {
            if (call.is(index, "min")) {
                return ScoreEnd.MIN;
            }
            if (call.is(index, "max")) {
                return ScoreEnd.MAX;
            }
            throw CommandError.SYNTAX;
        });
    }

    /**
     * Pops from the first of the keys that exists (WRONGTYPE if it holds another type) and replies
     * {@code [key, [[member, score] ...]]}, propagated as ZPOPMIN|ZPOPMAX key n; false when no key exists.
     */
    static boolean popFirstNonEmpty(Call call, MultiPopArguments<ScoreEnd> request) {
        Database db = call.db();
        for (byte[] key : request.keys()) {
            SortedSetValue zset = db.get(key, ValueType.ZSET);
            if (zset != null) {
                call.propagateAs(popEffect(key, request, zset));
                popInto(call.reply(), db, key, zset, request);
                return true;
            }
        }
        return false;
    }

    /** How ZMPOP and BZMPOP propagate, as Redis 7.0: {@code ZPOPMIN|ZPOPMAX key n}, n the members about to go. */
    static byte[][] popEffect(byte[] key, MultiPopArguments<ScoreEnd> request, SortedSetValue zset) {
        return new byte[][] {request.end() == ScoreEnd.MIN ? Effects.ZPOPMIN : Effects.ZPOPMAX, key,
            Effects.number(Math.min(request.count(), zset.size()))};
    }

    /** Pops up to the count asked for and replies {@code [key, [[member, score] ...]]}. */
    static void popInto(Reply reply, Database db, byte[] key, SortedSetValue zset,
                        MultiPopArguments<ScoreEnd> request) {
        List<Node> popped = popNodes(db, key, zset, request.count(), request.end());
        reply.array(2);
        reply.bulk(key);
        reply.array(popped.size());
        for (Node node : popped) {
            reply.array(2);
            reply.bulk(node.member());
            reply.doubleValue(node.score());
        }
    }

    /** Removes up to {@code count} members from {@code end}; deletes the key when it empties. */
    static List<Node> popNodes(Database db, byte[] key, SortedSetValue zset, long count, ScoreEnd end) {
        List<Node> popped = new ArrayList<>((int) Math.min(count, zset.size()));
        while (popped.size() < count && !zset.isEmpty()) {
            Node node = end == ScoreEnd.MAX ? zset.last() : zset.first();
            popped.add(node);
            zset.remove(node.member());
        }
        ZMembers.changed(db, key, zset, end == ScoreEnd.MAX ? "zpopmax" : "zpopmin");
        return popped;
    }

    static void removeByRank(Call call) {
        long start = call.longArg(2);
        long stop = call.longArg(3);
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        remove(call, zset, zset == null ? List.of() : ZRanges.byRank(zset, start, stop, Direction.FORWARD),
                "zremrangebyrank");
    }

    static void removeByScore(Call call) {
        removeIn(call, ScoreRange.parse(call.arg(2), call.arg(3)), "zremrangebyscore");
    }

    static void removeByLex(Call call) {
        removeIn(call, LexRange.parse(call.arg(2), call.arg(3)), "zremrangebylex");
    }

    private static void removeIn(Call call, Bound bounds, String event) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        List<Node> nodes = new ArrayList<>();
        Node node = zset == null ? null : zset.firstIn(bounds);
        for (; node != null && !bounds.isAbove(node); node = node.next()) {
            nodes.add(node);
        }
        remove(call, zset, nodes, event);
    }

    private static void remove(Call call, SortedSetValue zset, List<Node> nodes, String event) {
        for (Node node : nodes) {
            zset.remove(node.member());
        }
        if (!nodes.isEmpty()) {
            ZMembers.changed(call.db(), call.arg(1), zset, event);
        }
        call.reply().integer(nodes.size());
    }
}
