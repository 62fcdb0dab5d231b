package io.portbind.kv.introspection;

import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandGroup;
import io.portbind.kv.table.CommandSpec;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The COMMAND DOCS map of one command in Redis 7.0's order: summary, since, group, complexity,
     * arguments, subcommands (complexity and arguments only when declared).
     */
    static void docs(Reply reply, CommandSpec spec) {
        boolean hasSubcommands = !spec.subcommands().isEmpty();
        boolean hasComplexity = spec.complexity() != null;
        boolean hasArguments = !spec.arguments().isEmpty();
        reply.map(3 + (hasComplexity ? 1 : 0) + (hasArguments ? 1 : 0) + (hasSubcommands ? 1 : 0));
        reply.bulk("summary");
        reply.bulk(spec.summary());
        reply.bulk("since");
        reply.bulk(spec.since());
        reply.bulk("group");
        reply.bulk(spec.group().docName());
        if (hasComplexity) {
            reply.bulk("complexity");
            reply.bulk(spec.complexity());
        }
        if (hasArguments) {
            reply.bulk("arguments");
            arguments(reply, spec.arguments(), new int[1]);
        }
        if (hasSubcommands) {
            reply.bulk("subcommands");
            reply.map(spec.subcommands().size());
            spec.subcommands().values().forEach(sub -> {
                reply.bulk(sub.fullName());
                docs(reply, sub);
            });
        }
    }

    /**
     * Each argument as a map: name, type, key_spec_index (keys, numbered in order of appearance),
     * token, since, flags, and the nested arguments of a oneof or block.
     */
    private static void arguments(Reply reply, List<Arg> arguments, int[] nextKeySpec) {
        reply.array(arguments.size());
        for (Arg arg : arguments) {
            List<String> flags = new ArrayList<>();
            if (arg.isOptional()) {
                flags.add("optional");
            }
            if (arg.isMultiple()) {
                flags.add("multiple");
            }
            boolean isKey = arg.type() == Arg.Type.KEY;
            reply.map(2 + (isKey ? 1 : 0) + (arg.token() != null ? 1 : 0) + (arg.since() != null ? 1 : 0)
                    + (flags.isEmpty() ? 0 : 1) + (arg.children().isEmpty() ? 0 : 1));
            reply.bulk("name");
            reply.bulk(arg.name());
            reply.bulk("type");
            reply.bulk(arg.type().docName());
            if (isKey) {
                reply.bulk("key_spec_index");
                reply.integer(nextKeySpec[0]++);
            }
            if (arg.token() != null) {
                reply.bulk("token");
                reply.bulk(arg.token());
            }
            if (arg.since() != null) {
                reply.bulk("since");
                reply.bulk(arg.since());
            }
            if (!flags.isEmpty()) {
                reply.bulk("flags");
                reply.set(flags.size());
                flags.forEach(reply::simple);
            }
            if (!arg.children().isEmpty()) {
                reply.bulk("arguments");
                arguments(reply, arg.children(), nextKeySpec);
            }
        }
    }

    /** Redis's order of the ACL categories (acl.c), in which COMMAND INFO lists them. */
    private static final List<String> CATEGORY_ORDER = List.of("@keyspace", "@read", "@write", "@set",
            "@sortedset", "@list", "@hash", "@string", "@bitmap", "@hyperloglog", "@geo", "@stream", "@pubsub",
            "@admin", "@fast", "@slow", "@blocking", "@dangerous", "@connection", "@transaction", "@scripting");

    /**
     * ACL categories as Redis derives them: the data type's group plus read/write/fast/slow/admin/...,
     * in Redis's order.
     */
    static List<String> aclCategories(CommandSpec spec) {
        List<String> categories = new ArrayList<>();
        if (spec.group() == CommandGroup.GENERIC) {
            categories.add("@keyspace");
        }
        if (spec.has(CommandFlag.READONLY)) {
            categories.add("@read");
        }
        if (spec.has(CommandFlag.WRITE)) {
            categories.add("@write");
        }
        switch (spec.group()) {
            case SET -> categories.add("@set");
            case SORTED_SET -> categories.add("@sortedset");
            case LIST -> categories.add("@list");
            case HASH -> categories.add("@hash");
            case STRING -> categories.add("@string");
            default -> {
            }
        }
        if (spec.has(CommandFlag.PUBSUB)) {
            categories.add("@pubsub");
        }
        if (spec.has(CommandFlag.ADMIN)) {
            categories.add("@admin");
        }
        categories.add(spec.has(CommandFlag.FAST) ? "@fast" : "@slow");
        if (spec.has(CommandFlag.BLOCKING)) {
            categories.add("@blocking");
        }
        if (spec.has(CommandFlag.ADMIN)) {
            categories.add("@dangerous");
        }
        if (spec.group() == CommandGroup.CONNECTION) {
            categories.add("@connection");
        } else if (spec.group() == CommandGroup.TRANSACTIONS) {
            categories.add("@transaction");
        }
        spec.categories().stream().filter(category -> !categories.contains(category)).forEach(categories::add);
        categories.sort(Comparator.comparingInt(CATEGORY_ORDER::indexOf));
        return categories;
    }
}
