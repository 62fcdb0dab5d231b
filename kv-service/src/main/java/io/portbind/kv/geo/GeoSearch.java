package io.portbind.kv.geo;

import io.portbind.kv.geo.GeoHash.Cell;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * GEOSEARCH, GEOSEARCHSTORE, GEORADIUS, GEORADIUSBYMEMBER and the _RO forms: one routine, as Redis's
 * georadiusGeneric, that scans the cells around the centre, keeps the members inside the shape, sorts them by
 * distance when asked (or when COUNT is given without ANY) and replies with them or stores them.
 */
final class GeoSearch {

    private static final CommandError UNDECODABLE_MEMBER = new CommandError("ERR could not decode requested zset member");
    private static final CommandError COUNT_NOT_POSITIVE = new CommandError("ERR COUNT must be > 0");
    private static final CommandError ANY_WITHOUT_COUNT = new CommandError("ERR the ANY argument requires COUNT argument");

    /** Where each form takes its centre and shape from, where its options start, and whether it may store. */
    enum Form {
        GEORADIUS(6, true, true),
        GEORADIUS_RO(6, true, false),
        GEORADIUSBYMEMBER(5, true, true),
        GEORADIUSBYMEMBER_RO(5, true, false),
        GEOSEARCH(2, false, false),
        GEOSEARCHSTORE(3, false, false);

        final int firstOption;
        final boolean radiusForm;
        final boolean storeOptions;

        Form(int firstOption, boolean radiusForm, boolean storeOptions) {
            this.firstOption = firstOption;
            this.radiusForm = radiusForm;
            this.storeOptions = storeOptions;
        }
    }

    private enum Order { NONE, ASC, DESC }

    /** A member found inside the shape. */
    private record Found(byte[] member, double score, double longitude, double latitude, double meters) {
    }

    private final Call call;
    private final Form form;
    private Shape shape;
    private double[] centre;
    private boolean centreGiven;
    private boolean withDist;
    private boolean withHash;
    private boolean withCoord;
    private boolean any;
    private long count;
    private Order order = Order.NONE;
    private byte[] storeKey;
    private boolean storeDist;

    private GeoSearch(Call call, Form form) {
        this.call = call;
        this.form = form;
    }

    static void execute(Call call, Form form) {
        new GeoSearch(call, form).run();
    }

    private void run() {
        int sourceIndex = form == Form.GEOSEARCHSTORE ? 2 : 1;
        SortedSetValue zset = call.db().get(call.arg(sourceIndex), ValueType.ZSET);
        if (form == Form.GEOSEARCHSTORE) {
            storeKey = call.arg(1);
        }
        if (form == Form.GEORADIUS || form == Form.GEORADIUS_RO) {
            shape = GeoArguments.circle(call, 4, GeoArguments.point(call, 2));
        } else if (form.radiusForm && zset != null) {
            shape = GeoArguments.circle(call, 3, memberPoint(zset, call.arg(2)));
        }
        parseOptions(zset);
        if (zset == null) {
            replyForMissingSource();
            return;
        }
        if (count != 0 && order == Order.NONE && !any) {
            order = Order.ASC;
        }
        if (centre != null) {
            shape = shape.at(centre[0], centre[1]);
        }
        List<Found> found = scan(zset, any ? count : 0);
        int returned = count == 0 || found.size() < count ? found.size() : (int) count;
        if (order != Order.NONE) {
            sort(found, returned);
        }
        if (storeKey == null) {
            reply(found, returned);
        } else {
            store(found, returned);
        }
    }

    /**
     * By distance as Redis sorts: all of them with the C library's qsort (glibc's is a stable merge sort), only
     * the first {@code returned} with pqsort; compared as C compares doubles (a NaN distance
     * is below everything, both ways).
     */
    private void sort(List<Found> found, int returned) {
        Comparator<Found> byDistance = (a, b) -> a.meters() > b.meters() ? 1 : a.meters() == b.meters() ? 0 : -1;
        Comparator<Found> wanted = order == Order.ASC ? byDistance : (a, b) -> -byDistance.compare(a, b);
        if (returned == found.size()) {
            found.sort(wanted);
        } else {
            PartialSort.sort(found, wanted, 0, returned - 1);
        }
    }

    private void parseOptions(SortedSetValue zset) {
        boolean fromMember = false;
        boolean byRadius = false;
        boolean byBox = false;
        int end = call.argCount();
        for (int i = form.firstOption; i < end; i++) {
            int remaining = end - i - 1;
            if (call.is(i, "withdist")) {
                withDist = true;
            } else if (call.is(i, "withhash")) {
                withHash = true;
            } else if (call.is(i, "withcoord")) {
                withCoord = true;
            } else if (call.is(i, "any")) {
                any = true;
            } else if (call.is(i, "asc")) {
                order = Order.ASC;
            } else if (call.is(i, "desc")) {
                order = Order.DESC;
            } else if (call.is(i, "count") && remaining >= 1) {
                count = call.longArg(++i);
                if (count <= 0) {
                    throw COUNT_NOT_POSITIVE;
                }
            } else if ((call.is(i, "store") || call.is(i, "storedist")) && remaining >= 1 && form.storeOptions) {
                storeDist = call.is(i, "storedist");
                storeKey = call.arg(++i);
            } else if (call.is(i, "storedist") && form == Form.GEOSEARCHSTORE) {
                storeDist = true;
            } else if (call.is(i, "frommember") && remaining >= 1 && !form.radiusForm && !centreGiven) {
                i++;
                fromMember = true;
                if (zset != null) {
                    centre = memberPoint(zset, call.arg(i));
                }
            } else if (call.is(i, "fromlonlat") && remaining >= 2 && !form.radiusForm && !fromMember) {
                centre = GeoArguments.point(call, i + 1);
                centreGiven = true;
                i += 2;
            } else if (call.is(i, "byradius") && remaining >= 2 && !form.radiusForm && !byBox) {
                shape = GeoArguments.circle(call, i + 1, new double[2]);
                byRadius = true;
                i += 2;
            } else if (call.is(i, "bybox") && remaining >= 3 && !form.radiusForm && !byRadius) {
                shape = GeoArguments.box(call, i + 1, new double[2]);
                byBox = true;
                i += 3;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        if (storeKey != null && (withDist || withHash || withCoord)) {
            throw new CommandError("ERR " + (form == Form.GEOSEARCHSTORE ? "GEOSEARCHSTORE" : "STORE option in GEORADIUS")
                    + " is not compatible with WITHDIST, WITHHASH and WITHCOORD options");
        }
        if (!form.radiusForm && !(fromMember || centreGiven)) {
            throw new CommandError("ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for " + call.text(0));
        }
        if (!form.radiusForm && !(byRadius || byBox)) {
            throw new CommandError("ERR exactly one of BYRADIUS and BYBOX can be specified for " + call.text(0));
        }
        if (any && count == 0) {
            throw ANY_WITHOUT_COUNT;
        }
    }

    private static double[] memberPoint(SortedSetValue zset, byte[] member) {
        Node node = zset.node(member);
        if (node == null) {
            throw UNDECODABLE_MEMBER;
        }
        return GeoHash.position(node.score());
    }

    private void replyForMissingSource() {
        if (storeKey == null) {
            call.reply().array(0);
            return;
        }
        call.db().delete(storeKey);
        call.reply().integer(0);
    }

    /** The members inside the shape, cell by cell in score order; with a limit, stops once it has that many. */
    private List<Found> scan(SortedSetValue zset, long limit) {
        List<Found> found = new ArrayList<>();
        for (Cell cell : SearchCells.of(shape)) {
            if (limit != 0 && found.size() >= limit) {
                break;
            }
            double end = cell.endScore();
            Bound range = new Bound() {
                @Override
                public boolean isBelow(Node node) {
                    return node.score() < cell.firstScore();
                }

                @Override
                public boolean isAbove(Node node) {
                    return node.score() >= end;
                }
            };
            for (Node node = zset.firstIn(range); node != null && node.score() < end; node = node.next()) {
                double[] point = GeoHash.position(node.score());
                double meters = shape.distanceIfInside(point[0], point[1]);
                if (meters >= 0) {
                    found.add(new Found(node.member(), node.score(), point[0], point[1], meters));
                }
                if (limit != 0 && found.size() >= limit) {
                    break;
                }
            }
        }
        return found;
    }

    private void reply(List<Found> found, int returned) {
        Reply reply = call.reply();
        int parts = (withDist ? 1 : 0) + (withHash ? 1 : 0) + (withCoord ? 1 : 0);
        reply.array(returned);
        for (int i = 0; i < returned; i++) {
            Found point = found.get(i);
            if (parts > 0) {
                reply.array(parts + 1);
            }
            reply.bulk(point.member());
            if (withDist) {
                GeoText.distance(reply, point.meters() / shape.metersPerUnit());
            }
            if (withHash) {
                reply.integer((long) point.score());
            }
            if (withCoord) {
                reply.array(2);
                GeoText.coordinate(reply, point.longitude());
                GeoText.coordinate(reply, point.latitude());
            }
        }
    }

    /** Replaces the destination with a sorted set of the results (scores: geohashes, or distances with STOREDIST). */
    private void store(List<Found> found, int returned) {
        Database db = call.db();
        if (returned == 0) {
            db.delete(storeKey);
        } else {
            SortedSetValue stored = new SortedSetValue();
            for (int i = 0; i < returned; i++) {
                Found point = found.get(i);
                stored.insert(point.member(), storeDist ? point.meters() / shape.metersPerUnit() : point.score());
            }
            db.put(storeKey, stored);
        }
        call.reply().integer(returned);
    }
}
