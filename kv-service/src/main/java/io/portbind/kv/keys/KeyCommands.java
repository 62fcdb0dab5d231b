package io.portbind.kv.keys;

import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.key;
import static io.portbind.kv.table.Arg.keyword;
import static io.portbind.kv.table.Arg.pattern;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.GENERIC;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import java.util.function.Predicate;

/**
 * Commands on keys of any type: DEL, UNLINK, EXISTS, TOUCH, TYPE, RENAME, RENAMENX, COPY, MOVE (bodies in
 * {@link KeyTransfers}), and KEYS, SCAN, RANDOMKEY over the whole database (in {@link KeyspaceScans}).
 * UNLINK frees memory at once like DEL: dropping references is cheap here and the garbage collector
 * reclaims in the background anyway. TOUCH counts like EXISTS, as no access time is kept per key (see
 * OBJECT IDLETIME).
 */
public final class KeyCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("del", KeyCommands::del).arity(-2).flags(WRITE).keys(1, -1, 1).group(GENERIC)
                        .since("1.0.0").summary("Deletes one or more keys.")
                        .complexity("O(N) where N is the number of keys.").args(key("key").multiple()))
                .add(command("exists", KeyCommands::exists).arity(-2).flags(READONLY, FAST).keys(1, -1, 1)
                        .group(GENERIC).since("1.0.0").summary("Determines whether one or more keys exist.")
                        .complexity("O(N) where N is the number of keys.").args(key("key").multiple()))
                .add(command("type", KeyCommands::type).arity(2).flags(READONLY, FAST).keys(1, 1, 1)
                        .group(GENERIC).since("1.0.0").summary("Determines the type of value stored at a key.")
                        .complexity(CONSTANT_TIME).args(key("key")))
                .add(command("unlink", KeyCommands::del).arity(-2).flags(WRITE, FAST).keys(1, -1, 1).group(GENERIC)
                        .since("4.0.0").summary("Asynchronously deletes one or more keys.")
                        .complexity("O(N) where N is the number of keys.").args(key("key").multiple()))
                .add(command("touch", KeyCommands::exists).arity(-2).flags(READONLY, FAST).keys(1, -1, 1)
                        .group(GENERIC).since("3.2.1")
                        .summary("Returns the number of existing keys out of those specified after updating the time "
                                + "they were last accessed.")
                        .complexity("O(N) where N is the number of keys.").args(key("key").multiple()))
                .add(command("rename", KeyTransfers::rename).arity(3).flags(WRITE).keys(1, 2, 1).group(GENERIC)
                        .since("1.0.0").summary("Renames a key and overwrites the destination.")
                        .complexity(CONSTANT_TIME).args(key("key"), key("newkey")))
                .add(command("renamenx", KeyTransfers::renameIfAbsent).arity(3).flags(WRITE, FAST).keys(1, 2, 1)
                        .group(GENERIC).since("1.0.0").summary("Renames a key only when the target key name doesn't "
                                + "exist.")
                        .complexity(CONSTANT_TIME).args(key("key"), key("newkey")))
                .add(command("copy", KeyTransfers::copy).arity(-3).flags(WRITE, DENYOOM).keys(1, 2, 1)
                        .group(GENERIC).since("6.2.0").summary("Copies the value of a key to a new key.")
                        .complexity("O(1) for strings; O(N) for a collection of N elements.")
                        .args(key("source"), key("destination"), integer("destination-db").token("DB").optional(),
                                keyword("REPLACE").optional()))
                .add(command("move", KeyTransfers::move).arity(3).flags(WRITE, FAST).keys(1, 1, 1).group(GENERIC)
                        .since("1.0.0").summary("Moves a key to another database.")
                        .complexity(CONSTANT_TIME).args(key("key"), integer("db")))
                .add(command("keys", KeyspaceScans::keys).arity(2).flags(READONLY).group(GENERIC).since("1.0.0")
                        .summary("Returns all key names that match a pattern.")
                        .complexity("O(N) with N being the number of keys in the database, under the assumption that "
                                + "the key names in the database and the given pattern have limited length.")
                        .args(pattern("pattern")).categories("@dangerous"))
                .add(command("scan", KeyspaceScans::scan).arity(-2).flags(READONLY).group(GENERIC).since("2.8.0")
                        .summary("Iterates over the key names in the database.")
                        .complexity("O(1) for every call. O(N) for a complete iteration, including enough command "
                                + "calls for the cursor to return back to 0. N is the number of elements inside the "
                                + "collection.")
                        .args(integer("cursor"), pattern("pattern").token("MATCH").optional(),
                                integer("count").token("COUNT").optional(),
                                string("type").token("TYPE").since("6.0.0").optional()))
                .add(command("randomkey", KeyspaceScans::randomKey).arity(1).flags(READONLY).group(GENERIC)
                        .since("1.0.0").summary("Returns a random key name from the database.")
                        .complexity(CONSTANT_TIME));
    }

    private static void del(Call call) {
        call.reply().integer(countKeys(call, call.db()::delete));
    }

    /** Counts every argument naming a live key, repeats included. */
    private static void exists(Call call) {
        call.reply().integer(countKeys(call, call.db()::exists));
    }

    /** How many of the key arguments {@code action} returns true for. */
    private static int countKeys(Call call, Predicate<byte[]> action) {
        int count = 0;
        for (int i = 1; i < call.argCount(); i++) {
            if (action.test(call.arg(i))) {
                count++;
            }
        }
        return count;
    }

    private static void type(Call call) {
        Object value = call.db().get(call.arg(1));
        call.reply().simple(value == null ? "none" : ValueType.of(value).typeName());
    }
}
