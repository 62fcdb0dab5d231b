package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.sets.SetRandom;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** ZRANDMEMBER key [count [WITHSCORES]]. */
final class ZRandom {

    private static final CommandError OUT_OF_RANGE = new CommandError("ERR value is out of range");

    private ZRandom() {
    }

    static void randomMembers(Call call) {
        RandomGenerator random = ThreadLocalRandom.current();
        if (call.argCount() == 2) {
            SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
            call.reply().bulk(zset == null ? null : zset.random(random).member());
            return;
        }
        long count = call.longArg(2);
        if (count == Long.MIN_VALUE) {
            throw SetRandom.COUNT_RANGE;
        }
        if (call.argCount() > 4 || call.argCount() == 4 && !call.is(3, "withscores")) {
            throw CommandError.SYNTAX;
        }
        WithScores withScores = call.argCount() == 4 ? WithScores.YES : WithScores.NO;
        if (withScores == WithScores.YES && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            throw OUT_OF_RANGE;
        }
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        if (zset == null || count == 0) {
            call.reply().array(0);
            return;
        }
        List<Node> nodes;
        if (count < 0) {
            if (count < Integer.MIN_VALUE + 1) {
                // Redis would try to build a reply of more than 2^31 elements; refuse it.
                throw SetRandom.COUNT_RANGE;
            }
            nodes = new ArrayList<>((int) -count);
            for (long i = 0; i < -count; i++) {
                nodes.add(zset.random(random));
            }
        } else if (count >= zset.size()) {
            // The whole set, highest first: Redis walks it from the tail.
            nodes = ZRanges.byRank(zset, 0, -1, Direction.REVERSE);
        } else {
            nodes = SetRandom.distinct(zset.size(), (int) count, action -> {
                for (Node node = zset.first(); node != null; node = node.next()) {
                    action.accept(node);
                }
            }, () -> zset.random(random), Node::member, random);
        }
        ScoredReplies.nodes(call.reply(), nodes, withScores);
    }
}
