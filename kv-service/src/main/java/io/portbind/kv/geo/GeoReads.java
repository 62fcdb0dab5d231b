package io.portbind.kv.geo;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** GEOPOS, GEODIST and GEOHASH: members' scores decoded to points, distances and standard geohash text. */
final class GeoReads {

    private static final String BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz";

    private GeoReads() {
    }

    static void geopos(Call call) {
        eachMember(call, Reply::nullArray, (reply, point) -> {
            reply.array(2);
            GeoText.coordinate(reply, point[0]);
            GeoText.coordinate(reply, point[1]);
        });
    }

    /** Replies an array with, for each member argument, {@code missing} or what {@code present} makes of its point. */
    private static void eachMember(Call call, Consumer<Reply> missing, BiConsumer<Reply, double[]> present) {
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        Reply reply = call.reply();
        reply.array(call.argCount() - 2);
        for (int i = 2; i < call.argCount(); i++) {
            Node node = zset == null ? null : zset.node(call.arg(i));
            if (node == null) {
                missing.accept(reply);
            } else {
                present.accept(reply, GeoHash.position(node.score()));
            }
        }
    }

    /** GEODIST key member1 member2 [unit]: the unit is checked before the key is looked up, as in Redis. */
    static void geodist(Call call) {
        if (call.argCount() > 5) {
            throw CommandError.SYNTAX;
        }
        double metersPerUnit = call.argCount() == 5 ? GeoArguments.metersPerUnit(call, 4) : 1;
        SortedSetValue zset = call.db().get(call.arg(1), ValueType.ZSET);
        Node first = zset == null ? null : zset.node(call.arg(2));
        Node second = zset == null ? null : zset.node(call.arg(3));
        if (first == null || second == null) {
            call.reply().nullBulk();
            return;
        }
        double[] a = GeoHash.position(first.score());
        double[] b = GeoHash.position(second.score());
        GeoText.distance(call.reply(), Distance.between(a[0], a[1], b[0], b[1]) / metersPerUnit);
    }

    /**
     * GEOHASH key member ...: each point re-encoded with the standard latitude range (-90..90) into eleven
     * base-32 characters; the eleventh is always '0', as only 52 bits are kept.
     */
    static void geohash(Call call) {
        eachMember(call, Reply::nullBulk, (reply, point) -> {
            long bits = GeoHash.encode(point[0], point[1], GeoHash.MAX_STEP, -90, 90).bits();
            char[] text = new char[11];
            for (int c = 0; c < 10; c++) {
                text[c] = BASE32.charAt((int) (bits >>> (52 - (c + 1) * 5)) & 0x1f);
            }
            text[10] = BASE32.charAt(0);
            reply.bulk(new String(text));
        });
    }
}
