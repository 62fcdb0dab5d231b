package io.portbind.kv.declaration;

import io.portbind.kv.resp.Reply;
import java.util.List;

/**
 * Writes a command's {@code COMMAND DOCS} map exactly as redis-server 7.0.15 does: bulk-string keys; summary,
 * since, group (hyphenated: {@code sorted-set}) and, when declared, complexity as bulk strings; doc_flags (a set
 * of lower-case simple strings), deprecated_since and replaced_by (bulk), history (a set of [version, change]
 * arrays), arguments (an array of maps) and a container's subcommands (a map from full name to their docs), each
 * only when present, in that order. An argument's map holds name and type, then key_spec_index (integer), token,
 * summary, since and deprecated_since (bulk) when present, flags (a set of simple strings among optional, multiple
 * and multiple_token) when any, and a oneof's or block's arguments. Redis 7.0 has no display text, so
 * {@link ArgumentSpec#display} is not written.
 */
public final class CommandDocsWriter {

    private CommandDocsWriter() {
    }

    /**
     * Writes the docs map of {@code command} (the value under its name in COMMAND DOCS); a container's
     * {@code subcommands} follow in the order given.
     */
    public static void write(Reply reply, CommandDeclaration command, List<CommandDeclaration> subcommands) {
        int fields = 3;
        fields += command.complexity() == null ? 0 : 1;
        fields += command.docFlags().isEmpty() ? 0 : 1;
        fields += command.deprecatedSince() == null ? 0 : 1;
        fields += command.replacedBy() == null ? 0 : 1;
        fields += command.history().isEmpty() ? 0 : 1;
        fields += command.arguments().isEmpty() ? 0 : 1;
        fields += subcommands.isEmpty() ? 0 : 1;
        reply.map(fields);
        text(reply, "summary", command.summary());
        text(reply, "since", command.since());
        text(reply, "group", command.group().replace('_', '-'));
        text(reply, "complexity", command.complexity());
        if (!command.docFlags().isEmpty()) {
            reply.bulk("doc_flags");
            List<String> flags = Vocabulary.inOrder(command.docFlags(), Vocabulary.DOC_FLAGS);
            reply.set(flags.size());
            for (String flag : flags) {
                reply.simple(Vocabulary.lower(flag));
            }
        }
        text(reply, "deprecated_since", command.deprecatedSince());
        text(reply, "replaced_by", command.replacedBy());
        if (!command.history().isEmpty()) {
            reply.bulk("history");
            reply.set(command.history().size());
            for (HistoryEntry entry : command.history()) {
                reply.array(2);
                reply.bulk(entry.version());
                reply.bulk(entry.change());
            }
        }
        if (!command.arguments().isEmpty()) {
            reply.bulk("arguments");
            arguments(reply, command.arguments());
        }
        if (!subcommands.isEmpty()) {
            reply.bulk("subcommands");
            reply.map(subcommands.size());
            for (CommandDeclaration subcommand : subcommands) {
                reply.bulk(subcommand.fullName());
                write(reply, subcommand, List.of());
            }
        }
    }

    private static void arguments(Reply reply, List<ArgumentSpec> arguments) {
        reply.array(arguments.size());
        for (ArgumentSpec argument : arguments) {
            int flagCount = (argument.optional() ? 1 : 0) + (argument.multiple() ? 1 : 0)
                    + (argument.multipleToken() ? 1 : 0);
            int fields = 2;
            fields += argument.hasKeySpec() ? 1 : 0;
            fields += argument.token() == null ? 0 : 1;
            fields += argument.summary() == null ? 0 : 1;
            fields += argument.since() == null ? 0 : 1;
            fields += argument.deprecatedSince() == null ? 0 : 1;
            fields += flagCount == 0 ? 0 : 1;
            fields += argument.arguments().isEmpty() ? 0 : 1;
            reply.map(fields);
            text(reply, "name", argument.name());
            text(reply, "type", argument.type());
            if (argument.hasKeySpec()) {
                reply.bulk("key_spec_index");
                reply.integer(argument.keySpecIndex());
            }
            text(reply, "token", argument.token());
            text(reply, "summary", argument.summary());
            text(reply, "since", argument.since());
            text(reply, "deprecated_since", argument.deprecatedSince());
            if (flagCount > 0) {
                reply.bulk("flags");
                reply.set(flagCount);
                if (argument.optional()) {
                    reply.simple("optional");
                }
                if (argument.multiple()) {
                    reply.simple("multiple");
                }
                if (argument.multipleToken()) {
                    reply.simple("multiple_token");
                }
            }
            if (!argument.arguments().isEmpty()) {
                reply.bulk("arguments");
                arguments(reply, argument.arguments());
            }
        }
    }

    /** A bulk-string field, left out when {@code value} is null. */
    private static void text(Reply reply, String field, String value) {
        if (value != null) {
            reply.bulk(field);
            reply.bulk(value);
        }
    }
}
