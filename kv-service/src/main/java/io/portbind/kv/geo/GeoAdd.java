package io.portbind.kv.geo;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.nio.charset.StandardCharsets;

/**
 * GEOADD key [NX|XX] [CH] longitude latitude member ...: ZADD of each member with its point's 52-bit geohash as
 * the score, and propagated as that ZADD, as Redis rewrites the command.
 */
final class GeoAdd {

    private GeoAdd() {
    }

    static void geoadd(Call call) {
        boolean nx = false;
        boolean xx = false;
        boolean changed = false;
        int first = 2;
        for (; first < call.argCount(); first++) {
            if (call.is(first, "nx")) {
                nx = true;
            } else if (call.is(first, "xx")) {
                xx = true;
            } else if (call.is(first, "ch")) {
                changed = true;
            } else {
                break;
            }
        }
        int elements = (call.argCount() - first) / 3;
        if ((call.argCount() - first) % 3 != 0 || nx && xx || elements == 0) {
            throw CommandError.SYNTAX;
        }
        long[] scores = new long[elements];
        for (int i = 0; i < elements; i++) {
            double[] point = GeoArguments.point(call, first + 3 * i);
            scores[i] = GeoHash.score(point[0], point[1]);
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        SortedSetValue zset = db.get(key, ValueType.ZSET);
        if (zset == null && xx) {
            call.reply().integer(0);
            return;
        }
        boolean created = zset == null;
        if (created) {
            zset = new SortedSetValue();
        }
        int added = 0;
        int updated = 0;
        for (int i = 0; i < elements; i++) {
            byte[] member = call.arg(first + 3 * i + 2);
            Node node = zset.node(member);
            if (node == null) {
                if (!xx) {
                    zset.insert(member, scores[i]);
                    added++;
                }
            } else if (!nx && node.score() != scores[i]) {
                zset.update(node, scores[i]);
                updated++;
            }
        }
        if (created) {
            db.put(key, zset);
        } else if (added + updated > 0) {
            db.modified(key);
        }
        if (call.propagating()) {
            call.propagateAs(asZadd(call, first, scores));
        }
        call.reply().integer(changed ? added + updated : added);
    }

    /** ZADD key [options] score member ..., the command Redis runs (and propagates) for this GEOADD. */
    private static byte[][] asZadd(Call call, int first, long[] scores) {
        byte[][] argv = new byte[first + 2 * scores.length][];
        argv[0] = "zadd".getBytes(StandardCharsets.US_ASCII);
        for (int i = 1; i < first; i++) {
            argv[i] = call.arg(i);
        }
        for (int i = 0; i < scores.length; i++) {
            argv[first + 2 * i] = Numbers.toBytes(scores[i]);
            argv[first + 2 * i + 1] = call.arg(first + 3 * i + 2);
        }
        return argv;
    }
}
