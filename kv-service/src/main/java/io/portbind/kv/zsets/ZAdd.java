package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Node;

/** ZADD with NX, XX, GT, LT, CH and INCR, and ZINCRBY (which is ZADD INCR with one pair). */
final class ZAdd {

    private static final CommandError NX_AND_XX =
            new CommandError("ERR XX and NX options at the same time are not compatible");
    private static final CommandError GT_LT_NX =
            new CommandError("ERR GT, LT, and/or NX options at the same time are not compatible");
    private static final CommandError ONE_INCREMENT =
            new CommandError("ERR INCR option supports a single increment-element pair");
    static final CommandError NAN = new CommandError("ERR resulting score is not a number (NaN)");

    private boolean nx;
    private boolean xx;
    private boolean gt;
    private boolean lt;
    private boolean changed;
    private boolean incr;

    private ZAdd() {
    }

    static void zadd(Call call) {
        ZAdd options = new ZAdd();
        int first = options.parseFlags(call);
        int elements = call.argCount() - first;
        if (elements == 0 || elements % 2 != 0) {
            throw CommandError.SYNTAX;
        }
        options.check(elements / 2);
        options.apply(call, first);
    }

    static void zincrby(Call call) {
        ZAdd options = new ZAdd();
        options.incr = true;
        options.apply(call, 2);
    }

    private int parseFlags(Call call) {
        int i = 2;
        for (; i < call.argCount(); i++) {
            if (call.is(i, "nx")) {
                nx = true;
            } else if (call.is(i, "xx")) {
                xx = true;
            } else if (call.is(i, "gt")) {
                gt = true;
            } else if (call.is(i, "lt")) {
                lt = true;
            } else if (call.is(i, "ch")) {
                changed = true;
            } else if (call.is(i, "incr")) {
                incr = true;
            } else {
                break;
            }
        }
        return i;
    }

    private void check(int pairs) {
        if (nx && xx) {
            throw NX_AND_XX;
        }
        if (gt && nx || lt && nx || gt && lt) {
            throw GT_LT_NX;
        }
        if (incr && pairs > 1) {
            throw ONE_INCREMENT;
        }
    }

    /** Scores are all parsed before the key is looked up, so a bad one changes nothing. */
    private void apply(Call call, int first) {
        int pairs = (call.argCount() - first) / 2;
        double[] scores = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            scores[i] = Scores.parseScore(call.arg(first + 2 * i));
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        SortedSetValue zset = db.get(key, ValueType.ZSET);
        if (zset == null && xx) {
            replyNothingDone(call);
            return;
        }
        boolean created = zset == null;
        if (created) {
            zset = new SortedSetValue();
        }
        int added = 0;
        int updated = 0;
        double result = Double.NaN;
        boolean processed = false;
        for (int i = 0; i < pairs; i++) {
            byte[] member = call.arg(first + 2 * i + 1);
            Node node = zset.node(member);
            double score = scores[i];
            if (node == null) {
                if (xx) {
                    continue;
                }
                zset.insert(member, score);
                added++;
            } else {
                if (nx) {
                    continue;
                }
                double current = node.score();
                if (incr) {
                    score += current;
                    if (Double.isNaN(score)) {
                        throw NAN;
                    }
                }
                if (lt && score >= current || gt && score <= current) {
                    continue;
                }
                if (score != current) {
                    zset.update(node, score);
                    updated++;
                }
            }
            processed = true;
            result = score;
        }
        if (created) {
            db.put(key, zset);
        } else if (added + updated > 0) {
            db.modified(key);
        }
        if (added + updated > 0) {
            db.notifyEvent(EventClass.ZSET, incr ? "zincr" : "zadd", key);
        }
        if (!incr) {
            call.reply().integer(changed ? added + updated : added);
        } else if (processed) {
            call.reply().doubleValue(result);
        } else {
            call.reply().nullBulk();
        }
    }

    private void replyNothingDone(Call call) {
        if (incr) {
            call.reply().nullBulk();
        } else {
            call.reply().integer(0);
        }
    }
}
