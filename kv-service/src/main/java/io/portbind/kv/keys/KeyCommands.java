package io.portbind.kv.keys;

import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import java.util.function.Predicate;

/**
 * Commands on keys of any type: DEL, UNLINK, EXISTS, TOUCH, TYPE, RENAME, RENAMENX, COPY, MOVE (bodies in
 * {@link KeyTransfers}), and KEYS, SCAN, RANDOMKEY over the whole database (in {@link KeyspaceScans}).
 * UNLINK frees memory at once like DEL: dropping references is cheap here and the garbage collector
 * reclaims in the background anyway. TOUCH counts like EXISTS but, unlike EXISTS and TYPE, updates the keys'
 * access times (OBJECT IDLETIME, OBJECT FREQ).
 */
public final class KeyCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("del", KeyCommands::del)
                .bind("exists", KeyCommands::exists)
                .bind("type", KeyCommands::type)
                .bind("unlink", KeyCommands::del)
                .bind("touch", KeyCommands::touch)
                .bind("rename", KeyTransfers::rename)
                .bind("renamenx", KeyTransfers::renameIfAbsent)
                .bind("copy", KeyTransfers::copy)
                .bind("move", KeyTransfers::move)
                .bind("keys", KeyspaceScans::keys)
                .bind("scan", KeyspaceScans::scan)
                .bind("randomkey", KeyspaceScans::randomKey);
    }

    private static void del(Call call) {
        call.reply().integer(countKeys(call, key -> {
            boolean deleted = call.db().delete(key);
            if (deleted) {
                call.db().notifyEvent(EventClass.GENERIC, "del", key);
            }
            return deleted;
        }));
    }

    /** Counts every argument naming a live key, repeats included. */
    private static void exists(Call call) {
        call.reply().integer(countKeys(call, call.db()::exists));
    }

    /** Counts every argument naming a live key, and counts as an access to each. */
    private static void touch(Call call) {
        call.reply().integer(countKeys(call, key -> call.db().get(key) != null));
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
        Object value = call.db().peek(call.arg(1));
        call.reply().simple(value == null ? "none" : ValueType.of(value).typeName());
    }
}
