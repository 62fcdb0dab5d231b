package io.portbind.kv.sets;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.BoundedArguments;
import io.portbind.kv.table.Call;
import java.util.Arrays;
import java.util.Comparator;

/** SINTER, SINTERCARD, SUNION, SDIFF and their STORE forms. */
final class SetAlgebra {

    private static final CommandError NUMKEYS = new CommandError("ERR numkeys should be greater than 0");
    private static final CommandError TOO_MANY_KEYS =
            new CommandError("ERR Number of keys can't be greater than number of args");
    private static final CommandError NEGATIVE_LIMIT = new CommandError("ERR LIMIT can't be negative");

    private SetAlgebra() {
    }

    static void inter(Call call) {
        SetMembers.reply(call.reply(), intersection(call, 1, call.argCount(), Long.MAX_VALUE));
    }

    static void union(Call call) {
        SetMembers.reply(call.reply(), union(call, 1));
    }

    static void diff(Call call) {
        SetMembers.reply(call.reply(), difference(call, 1));
    }

    static void interStore(Call call) {
        store(call, intersection(call, 2, call.argCount(), Long.MAX_VALUE), "sinterstore");
    }

    static void unionStore(Call call) {
        store(call, union(call, 2), "sunionstore");
    }

    static void diffStore(Call call) {
        store(call, difference(call, 2), "sdiffstore");
    }

    /** SINTERCARD numkeys key [key ...] [LIMIT limit]: the size of the intersection, counting at most to limit. */
    static void interCard(Call call) {
        int numKeys = numKeys(call);
        long limit = 0;
        for (int i = 2 + numKeys; i < call.argCount(); i++) {
            if (call.is(i, "limit") && i + 1 < call.argCount()) {
                limit = BoundedArguments.atLeast(call, ++i, 0, NEGATIVE_LIMIT);
            } else {
                throw CommandError.SYNTAX;
            }
        }
        SetValue result = intersection(call, 2, 2 + numKeys, limit == 0 ? Long.MAX_VALUE : limit);
        call.reply().integer(result == null ? 0 : result.size());
    }

    /** Key positions of SINTERCARD for COMMAND GETKEYS: the numkeys keys after argument 1. */
    static int[] interCardKeys(byte[][] args) {
        try {
            long numKeys = Numbers.parseLong(args[1]);
            if (numKeys < 1 || numKeys > args.length - 2) {
                return new int[0];
            }
            int[] positions = new int[(int) numKeys];
            Arrays.setAll(positions, i -> 2 + i);
            return positions;
        } catch (CommandError invalid) {
            return new int[0];
        }
    }

    private static int numKeys(Call call) {
        long numKeys = BoundedArguments.atLeast(call, 1, 1, NUMKEYS);
        if (numKeys > call.argCount() - 2) {
            throw TOO_MANY_KEYS;
        }
        return (int) numKeys;
    }

    /**
     * The members in every set at arguments {@code [from, to)}, at most {@code limit} of them; null when a key
     * is missing.
     */
    private static SetValue intersection(Call call, int from, int to, long limit) {
        SetValue[] sets = sources(call, from, to);
        for (SetValue set : sets) {
            if (set == null) {
                return null;
            }
        }
        Arrays.sort(sets, Comparator.comparingInt(SetValue::size));
        SetValue result = new SetValue();
        sets[0].forEach(member -> {
            if (result.size() < limit && inAll(sets, member)) {
                result.add(member);
            }
        });
        return result;
    }

    private static boolean inAll(SetValue[] sets, byte[] member) {
        for (int i = 1; i < sets.length; i++) {
            if (!sets[i].contains(member)) {
                return false;
            }
        }
        return true;
    }

    private static SetValue union(Call call, int from) {
        SetValue result = new SetValue();
        for (SetValue set : sources(call, from, call.argCount())) {
            if (set != null) {
                set.forEach(result::add);
            }
        }
        return result;
    }

    private static SetValue difference(Call call, int from) {
        SetValue[] sets = sources(call, from, call.argCount());
        SetValue result = new SetValue();
        if (sets[0] == null) {
            return result;
        }
        sets[0].forEach(member -> {
            for (int i = 1; i < sets.length; i++) {
                if (sets[i] != null && sets[i].contains(member)) {
                    return;
                }
            }
            result.add(member);
        });
        return result;
    }

    /** The sets at arguments {@code [from, to)}, null for missing keys; every key is type-checked first. */
    private static SetValue[] sources(Call call, int from, int to) {
        SetValue[] sets = new SetValue[to - from];
        for (int i = from; i < to; i++) {
            sets[i - from] = call.db().get(call.arg(i), ValueType.SET);
        }
        return sets;
    }

    /** Stores {@code result} at argument 1 (firing {@code event}), or deletes that key when the result is empty. */
    private static void store(Call call, SetValue result, String event) {
        Database db = call.db();
        if (result == null || result.isEmpty()) {
            if (db.delete(call.arg(1))) {
                db.notifyEvent(EventClass.GENERIC, "del", call.arg(1));
            }
            call.reply().integer(0);
            return;
        }
        db.put(call.arg(1), result);
        db.notifyEvent(EventClass.SET, event, call.arg(1));
        call.reply().integer(result.size());
    }
}
