package io.portbind.kv.commands;

import io.portbind.kv.command.CommandFlag;
import io.portbind.kv.command.CommandSpec;
import io.portbind.kv.protocol.Reply;
import java.util.ArrayList;
import java.util.List;

/** How one command-table entry is shown by COMMAND INFO and COMMAND DOCS, in Redis 7's layout. */
final class CommandDescriptions {

    private CommandDescriptions() {
    }

    /**
     * The ten-element COMMAND INFO entry: name, arity, flags, first key, last key, step,
     * ACL categories, tips, key specifications, subcommands.
     */
    static void info(Reply reply, CommandSpec spec) {
        reply.array(10);
        reply.bulk(spec.fullName());
        reply.integer(spec.arity());
        List<String> flags = new ArrayList<>();
        spec.flags().forEach(flag -> flags.add(flag.redisName()));
        if (spec.hasMovableKeys()) {
            flags.add("movablekeys");
        }
        reply.set(flags.size());
        flags.forEach(reply::simple);
        reply.integer(spec.firstKey());
        reply.integer(spec.lastKey());
        reply.integer(spec.keyStep());
        List<String> categories = aclCategories(spec);
        reply.set(categories.size());
        categories.forEach(reply::simple);
        reply.set(0);
        reply.array(0);
        reply.array(spec.subcommands().size());
        spec.subcommands().values().forEach(sub -> info(reply, sub));
    }

    /** The COMMAND DOCS map of one command: summary, since, group, and its subcommands' docs. */
    static void docs(Reply reply, CommandSpec spec) {
        boolean hasSubcommands = !spec.subcommands().isEmpty();
        reply.map(hasSubcommands ? 4 : 3);
        reply.bulk("summary");
        reply.bulk(spec.summary());
        reply.bulk("since");
        reply.bulk(spec.since());
        reply.bulk("group");
        reply.bulk(spec.group().docName());
        if (hasSubcommands) {
            reply.bulk("subcommands");
            reply.map(spec.subcommands().size());
            spec.subcommands().values().forEach(sub -> {
                reply.bulk(sub.fullName());
                docs(reply, sub);
            });
        }
    }

    /** ACL categories as Redis derives them: the data type's group plus read/write/fast/slow/admin/... */
    static List<String> aclCategories(CommandSpec spec) {
        List<String> categories = new ArrayList<>();
        if (spec.has(CommandFlag.WRITE)) {
            categories.add("@write");
        }
        if (spec.has(CommandFlag.READONLY)) {
            categories.add("@read");
        }
        if (spec.has(CommandFlag.ADMIN)) {
            categories.add("@admin");
            categories.add("@dangerous");
        }
        switch (spec.group()) {
            case GENERIC -> categories.add("@keyspace");
            case STRING -> categories.add("@string");
            case LIST -> categories.add("@list");
            case SET -> categories.add("@set");
            case SORTED_SET -> categories.add("@sortedset");
            case HASH -> categories.add("@hash");
            case TRANSACTIONS -> categories.add("@transaction");
            case CONNECTION -> categories.add("@connection");
            default -> {
            }
        }
        if (spec.has(CommandFlag.PUBSUB)) {
            categories.add("@pubsub");
        }
        if (spec.has(CommandFlag.BLOCKING)) {
            categories.add("@blocking");
        }
        categories.add(spec.has(CommandFlag.FAST) ? "@fast" : "@slow");
        return categories;
    }
}
