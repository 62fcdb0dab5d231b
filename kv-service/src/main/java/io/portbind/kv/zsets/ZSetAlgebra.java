package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.table.BoundedArguments;
import io.portbind.kv.table.Call;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.ObjDoubleConsumer;

/**
 * ZUNION, ZINTER, ZDIFF and their STORE forms, with WEIGHTS and AGGREGATE SUM|MIN|MAX, and ZINTERCARD. Plain sets
 * are accepted as inputs with score 1, as in Redis.
 */
final class ZSetAlgebra {

    enum Operation { UNION, INTER, DIFF }

    private enum Aggregate { SUM, MIN, MAX }

    private static final CommandError WEIGHT_NOT_FLOAT = new CommandError("ERR weight value is not a float");
    private static final CommandError NEGATIVE_LIMIT = new CommandError("ERR LIMIT can't be negative");

    private final Object[] sources;
    private final double[] weights;
    private Aggregate aggregate = Aggregate.SUM;
    private WithScores withScores = WithScores.NO;
    private long limit;

    private ZSetAlgebra(int count) {
        sources = new Object[count];
        weights = new double[count];
        Arrays.fill(weights, 1);
    }

    /** The body of an operation whose numkeys argument is at {@code numKeysAt}; STORE forms have it at 2. */
    static void execute(Call call, Operation operation, int numKeysAt) {
        execute(call, operation, numKeysAt, numKeysAt == 2 ? Output.STORE : Output.REPLY);
    }

    /** ZINTERCARD numkeys key [key ...] [LIMIT limit]: the intersection's size, at most limit (0: no limit). */
    static void interCard(Call call) {
        execute(call, Operation.INTER, 1, Output.CARDINALITY);
    }

    private static void execute(Call call, Operation operation, int numKeysAt, Output output) {
        long numKeys = call.longArg(numKeysAt);
        if (numKeys < 1) {
            throw new CommandError("ERR at least 1 input key is needed for '" + call.spec().fullName() + "' command");
        }
        if (numKeys > call.argCount() - numKeysAt - 1) {
            throw CommandError.SYNTAX;
        }
        ZSetAlgebra algebra = new ZSetAlgebra((int) numKeys);
        int i = numKeysAt + 1;
        for (int source = 0; source < numKeys; source++, i++) {
            Object value = call.db().get(call.arg(i));
            if (value != null && ValueType.of(value) != ValueType.ZSET && ValueType.of(value) != ValueType.SET) {
                throw CommandError.WRONGTYPE;
            }
            algebra.sources[source] = value;
        }
        algebra.parseOptions(call, i, operation, output);
        SortedSetValue result = switch (operation) {
            case UNION -> algebra.union();
            case INTER -> algebra.inter();
            case DIFF -> algebra.diff();
        };
        if (output == Output.STORE) {
            store(call, result, "z" + operation.name().toLowerCase(Locale.ROOT) + "store");
        } else if (output == Output.CARDINALITY) {
            call.reply().integer(algebra.limit == 0 ? result.size() : Math.min(algebra.limit, result.size()));
        } else {
            ScoredReplies.nodes(call.reply(), ZRanges.byRank(result, 0, -1, Direction.FORWARD), algebra.withScores);
        }
    }

    private void parseOptions(Call call, int from, Operation operation, Output output) {
        int i = from;
        while (i < call.argCount()) {
            int remaining = call.argCount() - i;
            boolean combines = operation != Operation.DIFF && output != Output.CARDINALITY;
            if (combines && remaining >= sources.length + 1 && call.is(i, "weights")) {
                i++;
                for (int source = 0; source < sources.length; source++, i++) {
                    try {
                        weights[source] = Scores.parseScore(call.arg(i));
                    } catch (CommandError notAFloat) {
                        throw WEIGHT_NOT_FLOAT;
                    }
                }
            } else if (combines && remaining >= 2 && call.is(i, "aggregate")) {
                aggregate = call.is(i + 1, "sum") ? Aggregate.SUM : call.is(i + 1, "min") ? Aggregate.MIN
                        : call.is(i + 1, "max") ? Aggregate.MAX : null;
                if (aggregate == null) {
                    throw CommandError.SYNTAX;
                }
                i += 2;
            } else if (output == Output.REPLY && call.is(i, "withscores")) {
                withScores = WithScores.YES;
                i++;
            } else if (output == Output.CARDINALITY && remaining >= 2 && call.is(i, "limit")) {
                limit = BoundedArguments.atLeast(call, i + 1, 0, NEGATIVE_LIMIT);
                i += 2;
            } else {
                throw CommandError.SYNTAX;
            }
        }
    }

    private SortedSetValue union() {
        ByteKeyTable<double[]> scores = new ByteKeyTable<>();
        for (int s = 0; s < sources.length; s++) {
            double weight = weights[s];
            forEach(sources[s], (member, score) -> {
                double value = weighted(weight, score);
                double[] total = scores.get(member);
                if (total == null) {
                    scores.put(member, new double[] {value});
                } else {
                    total[0] = combine(total[0], value);
                }
            });
        }
        SortedSetValue result = new SortedSetValue();
        scores.forEach((member, total) -> result.put(member, total[0]));
        return result;
    }

    private SortedSetValue inter() {
        SortedSetValue result = new SortedSetValue();
        Integer[] order = new Integer[sources.length];
        for (int s = 0; s < order.length; s++) {
            if (sources[s] == null) {
                return result;
            }
            order[s] = s;
        }
        Arrays.sort(order, Comparator.comparingInt(s -> size(sources[s])));
        forEach(sources[order[0]], (member, score) -> {
            double total = weighted(weights[order[0]], score);
            for (int k = 1; k < order.length; k++) {
                double other = scoreOf(sources[order[k]], member);
                if (Double.isNaN(other)) {
                    return;
                }
                total = combine(total, other * weights[order[k]]);
            }
            result.put(member, total);
        });
        return result;
    }

    private SortedSetValue diff() {
        SortedSetValue result = new SortedSetValue();
        if (sources[0] == null) {
            return result;
        }
        forEach(sources[0], (member, score) -> {
            for (int s = 1; s < sources.length; s++) {
                if (sources[s] != null && !Double.isNaN(scoreOf(sources[s], member))) {
                    return;
                }
            }
            result.put(member, score);
        });
        return result;
    }

    /** A weighted score; 0 where the product is undefined (0 times infinity), as Redis does. */
    private static double weighted(double weight, double score) {
        double value = weight * score;
        return Double.isNaN(value) ? 0 : value;
    }

    private double combine(double total, double value) {
        return switch (aggregate) {
            case SUM -> {
                double sum = total + value;
                yield Double.isNaN(sum) ? 0 : sum;
            }
            case MIN -> value < total ? value : total;
            case MAX -> value > total ? value : total;
        };
    }

    private static int size(Object source) {
        return source instanceof SetValue set ? set.size() : ((SortedSetValue) source).size();
    }

    /** The member's score in a sorted set, 1 in a plain set, NaN (never a score) when absent. */
    private static double scoreOf(Object source, byte[] member) {
        if (source instanceof SetValue set) {
            return set.contains(member) ? 1 : Double.NaN;
        }
        Node node = ((SortedSetValue) source).node(member);
        return node == null ? Double.NaN : node.score();
    }

    private static void forEach(Object source, ObjDoubleConsumer<byte[]> action) {
        if (source instanceof SetValue set) {
            set.forEach(member -> action.accept(member, 1));
        } else if (source != null) {
            for (Node node = ((SortedSetValue) source).first(); node != null; node = node.next()) {
                action.accept(node.member(), node.score());
            }
        }
    }

    /** Stores {@code result} at argument 1 and fires {@code event} (ZUNIONSTORE's {@code zunionstore}, ...). */
    private static void store(Call call, SortedSetValue result, String event) {
        Database db = call.db();
        if (result.isEmpty()) {
            ZMembers.deleteDestination(db, call.arg(1));
            call.reply().integer(0);
            return;
        }
        db.put(call.arg(1), result);
        db.notifyEvent(EventClass.ZSET, event, call.arg(1));
        call.reply().integer(result.size());
    }
}
