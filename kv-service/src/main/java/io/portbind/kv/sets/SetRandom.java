package io.portbind.kv.sets;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.BoundedArguments;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** SPOP and SRANDMEMBER. */
public final class SetRandom {

    public static final CommandError COUNT_RANGE = new CommandError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");

    private SetRandom() {
    }

    /**
     * SPOP key [count]: one member as a bulk string, or a set of up to {@code count} members. Propagated as its
     * effect, as Redis 7.0: one {@code SREM key member} per member popped, {@code DEL key} when all were.
     */
    static void pop(Call call) {
        if (call.argCount() > 3) {
            throw CommandError.SYNTAX;
        }
        long count = call.argCount() == 3 ? BoundedArguments.atLeast(call, 2, 0, BoundedArguments.NOT_POSITIVE) : -1;
        Database db = call.db();
        byte[] key = call.arg(1);
        SetValue set = db.get(key, ValueType.SET);
        if (count < 0) {
            byte[] member = set == null ? null : set.random(ThreadLocalRandom.current());
            call.reply().bulk(member);
            if (member != null) {
                set.remove(member);
                SetMembers.changed(db, key, set, "spop");
                call.propagateAs(Effects.SREM, key, member);
            }
            return;
        }
        if (set == null || count == 0) {
            call.reply().set(0);
            return;
        }
        db.notifyEvent(EventClass.SET, "spop", key);
        if (count >= set.size()) {
            SetMembers.reply(call.reply(), set);
            db.delete(key);
            db.notifyEvent(EventClass.GENERIC, "del", key);
            call.propagateAs(Effects.DEL, key);
            return;
        }
        List<byte[]> popped = distinct(set, (int) count, ThreadLocalRandom.current());
        call.reply().set(popped.size());
        for (byte[] member : popped) {
            call.reply().bulk(member);
            set.remove(member);
            call.alsoPropagate(Effects.SREM, key, member);
        }
        call.preventPropagation();
        db.modified(key);
    }

    /** SRANDMEMBER key [count]: distinct members for a positive count, repeats allowed for a negative one. */
    static void randomMembers(Call call) {
        if (call.argCount() > 3) {
            throw CommandError.SYNTAX;
        }
        RandomGenerator random = ThreadLocalRandom.current();
        SetValue set;
        if (call.argCount() == 2) {
            set = call.db().get(call.arg(1), ValueType.SET);
            call.reply().bulk(set == null ? null : set.random(random));
            return;
        }
        long count = call.longArg(2);
        if (count < Integer.MIN_VALUE + 1) {
            // Redis's range is wider but would build a reply of more than 2^31 elements; refuse it.
            throw COUNT_RANGE;
        }
        set = call.db().get(call.arg(1), ValueType.SET);
        if (set == null || count == 0) {
            call.reply().array(0);
            return;
        }
        if (count < 0) {
            call.reply().array((int) -count);
            for (long i = 0; i < -count; i++) {
                call.reply().bulk(set.random(random));
            }
        } else if (count >= set.size()) {
            call.reply().array(set.size());
            set.forEach(call.reply()::bulk);
        } else {
            List<byte[]> members = distinct(set, (int) count, random);
            call.reply().array(members.size());
            members.forEach(call.reply()::bulk);
        }
    }

    /**
     * {@code count} different elements chosen at random from a collection of {@code size} (count below size):
     * a partial shuffle of all of them when many are wanted, random draws without repeats when few are.
     */
    public static <T> List<T> distinct(int size, int count, Consumer<Consumer<T>> all, Supplier<T> draw,
                                Function<T, byte[]> member, RandomGenerator random) {
        if (count * 3L > size) {
            List<T> elements = new ArrayList<>(size);
            all.accept(elements::add);
            for (int i = 0; i < count; i++) {
                int pick = i + random.nextInt(elements.size() - i);
                T chosen = elements.get(pick);
                elements.set(pick, elements.get(i));
                elements.set(i, chosen);
            }
            return elements.subList(0, count);
        }
        ByteKeyTable<Boolean> seen = new ByteKeyTable<>();
        List<T> chosen = new ArrayList<>(count);
        while (chosen.size() < count) {
            T element = draw.get();
            if (seen.put(member.apply(element), Boolean.TRUE) == null) {
                chosen.add(element);
            }
        }
        return chosen;
    }

    private static List<byte[]> distinct(SetValue set, int count, RandomGenerator random) {
        return distinct(set.size(), count, set::forEach, () -> set.random(random), member -> member, random);
    }
}
