package io.portbind.kv.declaration;

import io.portbind.kv.resp.Reply;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a command's {@code COMMAND INFO} entry exactly as redis-server 7.0.15 does. The entry is an array of
 * ten: the full name (bulk), the arity (integer), the command flags (set of simple strings, lower case, in
 * Redis's order, movablekeys derived), first key, last key and step (integers), the ACL categories (set of simple
 * strings {@code @name}, explicit and implied, in Redis's order), the tips (set of bulk strings, lower case, as
 * declared), the key specs (set of maps) and the subcommands (an array of their entries, or an empty set for a
 * command without). Under RESP2 the {@link Reply} turns sets into arrays and maps into flat arrays, as Redis does.
 */
public final class CommandInfoWriter {

    private CommandInfoWriter() {
    }

    /**
     * Writes the entry of {@code command}; a container's {@code subcommands} follow in the order given (Redis
     * prints them in its dictionary's order).
     */
    public static void write(Reply reply, CommandDeclaration command, List<CommandDeclaration> subcommands) {
        LegacyKeyRange range = command.legacyKeyRange();
        reply.array(10);
        reply.bulk(command.fullName());
        reply.integer(command.arity());
        commandFlags(reply, command.commandFlags(), range.movableKeys());
        reply.integer(range.firstKey());
        reply.integer(range.lastKey());
        reply.integer(range.step());
        List<String> categories = command.allAclCategories();
        reply.set(categories.size());
        for (String category : categories) {
            reply.simple("@" + Vocabulary.lower(category));
        }
        reply.set(command.commandTips().size());
        for (String tip : command.commandTips()) {
            reply.bulk(Vocabulary.lower(tip));
        }
        reply.set(command.keySpecs().size());
        for (KeySpec spec : command.keySpecs()) {
            keySpec(reply, spec);
        }
        if (subcommands.isEmpty()) {
            reply.set(0);
        } else {
            reply.array(subcommands.size());
            for (CommandDeclaration subcommand : subcommands) {
                write(reply, subcommand, List.of());
            }
        }
    }

    private static void commandFlags(Reply reply, Set<String> declared, boolean movableKeys) {
        Set<String> all = new HashSet<>(declared);
        if (movableKeys) {
            all.add(Vocabulary.MOVABLEKEYS);
        }
        List<String> flags = Vocabulary.inOrder(all, Vocabulary.COMMAND_FLAGS);
        reply.set(flags.size());
        for (String flag : flags) {
            reply.simple(Vocabulary.lower(flag));
        }
    }

    private static void keySpec(Reply reply, KeySpec spec) {
        reply.map(spec.notes() == null ? 3 : 4);
        if (spec.notes() != null) {
            reply.bulk("notes");
            reply.bulk(spec.notes());
        }
        reply.bulk("flags");
        List<String> flags = Vocabulary.inOrder(spec.flags(), Vocabulary.KEY_SPEC_FLAGS);
        reply.set(flags.size());
        for (String flag : flags) {
            // Redis prints the four access kinds in upper case and the other flags in lower case.
            reply.simple(Vocabulary.ACCESS_KINDS.contains(flag) ? flag : Vocabulary.lower(flag));
        }
        reply.bulk("begin_search");
        beginSearch(reply, spec.beginSearch());
        reply.bulk("find_keys");
        findKeys(reply, spec.findKeys());
    }

    private static void beginSearch(Reply reply, BeginSearch search) {
        if (search instanceof BeginSearch.Index index) {
            typedSpec(reply, "index", "index", index.pos());
        } else if (search instanceof BeginSearch.Keyword keyword) {
            typedSpec(reply, "keyword", "keyword", keyword.keyword(), "startfrom", keyword.startFrom());
        } else {
            typedSpec(reply, "unknown");
        }
    }

    private static void findKeys(Reply reply, FindKeys find) {
        if (find instanceof FindKeys.Range range) {
            typedSpec(reply, "range", "lastkey", range.lastKey(), "keystep", range.step(), "limit", range.limit());
        } else if (find instanceof FindKeys.KeyNum keyNum) {
            typedSpec(reply, "keynum", "keynumidx", keyNum.keyNumIndex(), "firstkey", keyNum.firstKey(), "keystep",
                    keyNum.step());
        } else {
            typedSpec(reply, "unknown");
        }
    }

    /**
     * Redis's shape of a begin_search or find_keys: {@code {type: <type>, spec: {<name>: <value>, ...}}}, a text
     * value as a bulk string and a number as an integer.
     */
    private static void typedSpec(Reply reply, String type, Object... namesAndValues) {
        reply.map(2);
        reply.bulk("type");
        reply.bulk(type);
        reply.bulk("spec");
        reply.map(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            reply.bulk((String) namesAndValues[i]);
            if (namesAndValues[i + 1] instanceof String text) {
                reply.bulk(text);
            } else {
                reply.integer(((Number) namesAndValues[i + 1]).longValue());
            }
        }
    }
}
