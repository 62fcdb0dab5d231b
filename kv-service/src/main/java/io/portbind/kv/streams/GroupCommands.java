package io.portbind.kv.streams;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Help;

/** XGROUP CREATE, SETID, DESTROY, CREATECONSUMER, DELCONSUMER and HELP, as Redis's xgroupCommand. */
final class GroupCommands {

    private static final CommandError KEY_REQUIRED = new CommandError("ERR The XGROUP subcommand requires the key to "
            + "exist. Note that for CREATE you may want to use the MKSTREAM option to create an empty stream "
            + "automatically.");
    private static final CommandError BUSYGROUP = new CommandError("BUSYGROUP Consumer Group name already exists");
    private static final CommandError ENTRIES_READ_NEGATIVE =
            new CommandError("ERR value for ENTRIESREAD must be positive or -1");

    private GroupCommands() {
    }

    /** XGROUP CREATE key group id|$ [MKSTREAM] [ENTRIESREAD n]. */
    static void create(Call call) {
        boolean mkStream = false;
        long entriesRead = ConsumerGroup.INVALID_ENTRIES_READ;
        for (int i = 5; i < call.argCount(); i++) {
            if (call.is(i, "mkstream")) {
                mkStream = true;
            } else if (call.is(i, "entriesread") && i + 1 < call.argCount()) {
                entriesRead = entriesRead(call, i + 1);
                i++;
            } else {
                throw subcommandSyntax(call);
            }
        }
        Database db = call.db();
        byte[] key = call.arg(2);
        StreamValue stream = db.get(key, ValueType.STREAM);
        if (stream == null && !mkStream) {
            throw KEY_REQUIRED;
        }
        if (call.argCount() > 8) {
            throw subcommandSyntax(call);
        }
        StreamId id;
        if (isDollar(call.arg(4))) {
            id = stream == null ? StreamId.MIN : stream.lastId();
        } else {
            id = StreamId.parseStrict(call.arg(4), 0);
        }
        if (stream != null && stream.groups().containsKey(call.arg(3))) {
            throw BUSYGROUP;
        }
        if (stream == null) {
            stream = new StreamValue();
            db.put(key, stream);
        }
        stream.groups().put(call.arg(3), new ConsumerGroup(id, entriesRead));
        db.modified(key);
        db.notifyEvent(EventClass.STREAM, "xgroup-create", key);
        call.reply().ok();
    }

    /** XGROUP SETID key group id|$ [ENTRIESREAD n]. */
    static void setId(Call call) {
        Lookup lookup = Lookup.of(call);
        ConsumerGroup group = lookup.existingGroup(call);
        if (call.argCount() != 5 && call.argCount() != 7) {
            throw subcommandSyntax(call);
        }
        StreamId id = isDollar(call.arg(4)) ? lookup.stream().lastId() : StreamId.parse(call.arg(4), 0);
        long entriesRead = ConsumerGroup.INVALID_ENTRIES_READ;
        if (call.argCount() == 7) {
            if (!call.is(5, "entriesread")) {
                throw subcommandSyntax(call);
            }
            entriesRead = entriesRead(call, 6);
        }
        group.position(id, entriesRead);
        call.db().modified(call.arg(2));
        call.db().notifyEvent(EventClass.STREAM, "xgroup-setid", call.arg(2));
        call.reply().ok();
    }

    /** XGROUP DESTROY key group: 1 when it existed. Clients blocked on it are answered NOGROUP. */
    static void destroy(Call call) {
        Lookup lookup = Lookup.of(call);
        if (lookup.stream().groups().remove(call.arg(3)) == null) {
            call.reply().integer(0);
            return;
        }
        call.db().modified(call.arg(2));
        call.db().notifyEvent(EventClass.STREAM, "xgroup-destroy", call.arg(2));
        call.keyspace().signalKeyAsReady(call.db().index(), call.arg(2));
        call.reply().integer(1);
    }

    /** XGROUP CREATECONSUMER key group consumer: 1 when it was created. */
    static void createConsumer(Call call) {
        Lookup lookup = Lookup.of(call);
        ConsumerGroup group = lookup.existingGroup(call);
        if (group.consumers().containsKey(call.arg(4))) {
            call.reply().integer(0);
            return;
        }
        group.consumer(call.arg(4), call.keyspace().now());
        call.db().modified(call.arg(2));
        call.db().notifyEvent(EventClass.STREAM, "xgroup-createconsumer", call.arg(2));
        call.reply().integer(1);
    }

    /** XGROUP DELCONSUMER key group consumer: how many entries it had pending. */
    static void deleteConsumer(Call call) {
        Lookup lookup = Lookup.of(call);
        ConsumerGroup group = lookup.existingGroup(call);
        if (!group.consumers().containsKey(call.arg(4))) {
            call.reply().integer(0);
            return;
        }
        int pending = group.deleteConsumer(call.arg(4));
        call.db().modified(call.arg(2));
        call.db().notifyEvent(EventClass.STREAM, "xgroup-delconsumer", call.arg(2));
        call.reply().integer(pending);
    }

    static void help(Call call) {
        Help.reply(call,
                "XGROUP <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "CREATE <key> <groupname> <id|$> [option]",
                "    Create a new consumer group. Options are:",
                "    * MKSTREAM",
                "      Create the empty stream if it does not exist.",
                "    * ENTRIESREAD entries_read",
                "      Set the group's entries_read counter (internal use).",
                "CREATECONSUMER <key> <groupname> <consumer>",
                "    Create a new consumer in the specified group.",
                "DELCONSUMER <key> <groupname> <consumer>",
                "    Remove the specified consumer.",
                "DESTROY <key> <groupname>",
                "    Remove the specified group.",
                "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                "    Set the current group ID and entries_read counter.");
    }

    private static long entriesRead(Call call, int index) {
        long value = call.longArg(index);
        if (value < 0 && value != ConsumerGroup.INVALID_ENTRIES_READ) {
            throw ENTRIES_READ_NEGATIVE;
        }
        return value;
    }

    static boolean isDollar(byte[] argument) {
        return argument.length == 1 && argument[0] == '$';
    }

    private static CommandError subcommandSyntax(Call call) {
        return new CommandError("ERR unknown subcommand or wrong number of arguments for '" + call.text(1)
                + "'. Try XGROUP HELP.");
    }

    /** The stream at argument 2, which the subcommands other than CREATE ... MKSTREAM require. */
    private record Lookup(StreamValue stream) {

        static Lookup of(Call call) {
            StreamValue stream = call.db().get(call.arg(2), ValueType.STREAM);
            if (stream == null) {
                throw KEY_REQUIRED;
            }
            return new Lookup(stream);
        }

        ConsumerGroup existingGroup(Call call) {
            ConsumerGroup group = stream.groups().get(call.arg(3));
            if (group == null) {
                throw new CommandError("NOGROUP No such consumer group '" + call.text(3) + "' for key name '"
                        + call.text(2) + "'");
            }
            return group;
        }
    }
}
