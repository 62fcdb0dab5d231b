package io.portbind.kv.zsets;

import io.portbind.kv.keys.ScanArguments;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.ArrayList;
import java.util.List;

/** ZREM, ZSCORE, ZMSCORE, ZCARD, ZCOUNT, ZLEXCOUNT, ZRANK, ZREVRANK and ZSCAN. */
final class ZMembers {

    private ZMembers() {
    }

    static void remove(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        SortedSetValue zset = db.get(key, ValueType.ZSET);
        int removed = 0;
        for (int i = 2; zset != null && i < call.argCount(); i++) {
            if (zset.remove(call.arg(i))) {
                removed++;
            }
        }
        if (removed > 0) {
            changed(db, key, zset, "zrem");
        }
        call.reply().integer(removed);
    }

    static void score(Call call) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        score(call.reply(), zset == null ? null : zset.node(call.arg(2)));
    }

    static void scores(Call call) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        call.reply().array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            score(call.reply(), zset == null ? null : zset.node(call.arg(i)));
        }
    }

    private static void score(Reply reply, Node node) {
        if (node == null) {
            reply.nullBulk();
        } else {
            reply.doubleValue(node.score());
        }
    }

    static void cardinality(Call call) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        call.reply().integer(zset == null ? 0 : zset.size());
    }

    static void countByScore(Call call) {
        count(call, ScoreRange.parse(call.arg(2), call.arg(3)));
    }

    static void countByLex(Call call) {
        count(call, LexRange.parse(call.arg(2), call.arg(3)));
    }

    /** The range was parsed first: Redis reports a bad range before looking at the key. */
    private static void count(Call call, Bound bounds) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        call.reply().integer(zset == null ? 0 : zset.count(bounds));
    }

    static void rank(Call call) {
        rank(call, Direction.FORWARD);
    }

    static void reverseRank(Call call) {
        rank(call, Direction.REVERSE);
    }

    /** The rank of the member at argument 2 counted in {@code direction}, or a null bulk. */
    private static void rank(Call call, Direction direction) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        Node node = zset == null ? null : zset.node(call.arg(2));
        if (node == null) {
            call.reply().nullBulk();
            return;
        }
        long rank = zset.rank(node);
        call.reply().integer(direction == Direction.REVERSE ? zset.size() - 1 - rank : rank);
    }

    /** ZSCAN key cursor [MATCH pattern] [COUNT count]: members and their scores as bulk strings. */
    static void scan(Call call) {
        long cursor = ScanArguments.cursor(call, 2);
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        if (zset == null) {
            ScanArguments.replyHeader(call, 0, 0);
            return;
        }
        ScanArguments scan = ScanArguments.parseForKey(call);
        List<Node> found = new ArrayList<>();
        long next = zset.scan(cursor, scan.count(), node -> {
            if (scan.matches(node.member())) {
                found.add(node);
            }
        });
        ScanArguments.replyHeader(call, next, found.size() * 2);
        for (Node node : found) {
            call.reply().bulk(node.member());
            call.reply().bulk(Reply.formatDouble(node.score()));
        }
    }

    /** A STORE command's empty result: the destination is deleted, with a {@code del} event if it existed. */
    static void deleteDestination(Database db, byte[] key) {
        if (db.delete(key)) {
            db.notifyEvent(EventClass.GENERIC, "del", key);
        }
    }

    /**
     * After members were removed from {@code zset}: fires {@code event}, then deletes the key when empty (firing
     * {@code del}), else tells WATCH.
     */
    static void changed(Database db, byte[] key, SortedSetValue zset, String event) {
        db.notifyEvent(EventClass.ZSET, event, key);
        if (zset.isEmpty()) {
            db.delete(key);
            db.notifyEvent(EventClass.GENERIC, "del", key);
        } else {
            db.modified(key);
        }
    }
}
