package io.portbind.kv.declaration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The closed sets of names the command files may use, each listed in the order redis-server 7.0 prints its
 * members, so that a file's own order never shows in a reply. Names are upper case as in Redis's
 * {@code src/commands/*.json}; replies print most of them in lower case.
 */
final class Vocabulary {

    /**
     * Command flags in {@code COMMAND INFO} order. MOVABLEKEYS is here for that order only: it is derived from
     * the key specs and refused in files.
     */
    static final List<String> COMMAND_FLAGS = Arrays.stream(CommandFlag.values()).map(Enum::name).toList();

    /** Our dispatch rules, by their enum names. */
    static final List<String> DISPATCH_RULES = Arrays.stream(DispatchRule.values()).map(Enum::name).toList();

    /** The command flag derived from the key specs, never declared. */
    static final String MOVABLEKEYS = "MOVABLEKEYS";

    /** Key spec flags in {@code COMMAND INFO} order; the first four print in upper case, the rest in lower. */
    static final List<String> KEY_SPEC_FLAGS = List.of("RO", "RW", "OW", "RM", "ACCESS", "UPDATE", "INSERT",
            "DELETE", "NOT_KEY", "INCOMPLETE", "VARIABLE_FLAGS");

    /** The key spec flags that say how a key is accessed, which Redis prints in upper case. */
    static final Set<String> ACCESS_KINDS = Set.of("RO", "RW", "OW", "RM");

    /** ACL categories in the order of ACLCommandCategories in Redis's acl.c, which is also their print order. */
    static final List<String> ACL_CATEGORIES = List.of("KEYSPACE", "READ", "WRITE", "SET", "SORTEDSET", "LIST",
            "HASH", "STRING", "BITMAP", "HYPERLOGLOG", "GEO", "STREAM", "PUBSUB", "ADMIN", "FAST", "SLOW",
            "BLOCKING", "DANGEROUS", "CONNECTION", "TRANSACTION", "SCRIPTING");

    /** Documentation flags in {@code COMMAND DOCS} order. */
    static final List<String> DOC_FLAGS = List.of("DEPRECATED", "SYSCMD");

    /** Command groups as the files spell them (lower case, {@code sorted_set}); replies use a hyphen. */
    static final List<String> GROUPS = List.of("generic", "string", "list", "set", "sorted_set", "hash", "pubsub",
            "transactions", "connection", "server", "scripting", "hyperloglog", "cluster", "sentinel", "geo",
            "stream", "bitmap", "module");

    /** Argument types, as files and replies both spell them. */
    static final List<String> ARGUMENT_TYPES = List.of("string", "integer", "double", "key", "pattern",
            "unix-time", "pure-token", "oneof", "block");

    private Vocabulary() {
    }

    /** The members of {@code names} in the order of {@code order}; each must be listed there. */
    static List<String> inOrder(Collection<String> names, List<String> order) {
        List<String> sorted = new ArrayList<>(names.size());
        for (String name : order) {
            if (names.contains(name)) {
                sorted.add(name);
            }
        }
        return sorted;
    }

    /** How a reply spells an upper-case schema name: in lower case. */
    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
