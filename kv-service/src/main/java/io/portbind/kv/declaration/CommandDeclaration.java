package io.portbind.kv.declaration;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one command file declares about a command or subcommand, in the shape of Redis 7's
 * {@code src/commands/*.json}. Names and flags keep the files' upper case; what replies show is derived by
 * {@link KeyPositions}, {@link LegacyKeyRange}, {@link AclCategories} and the writers. Absent texts are null,
 * absent lists and sets empty.
 *
 * @param name the command's own name in upper case: {@code GET}, or {@code GET} for CONFIG GET
 * @param container for a subcommand, its container's name in upper case ({@code CONFIG}); null otherwise
 * @param summary one line saying what the command does
 * @param complexity its time complexity, or null
 * @param group the group as files spell it ({@code string}, {@code sorted_set})
 * @param since the version that added the command
 * @param arity the argument count including the name, or minus the least count for a variable one
 * @param history changes since, oldest first
 * @param deprecatedSince the version that deprecated the command, or null
 * @param replacedBy what replaces a deprecated command, in Redis's words, or null
 * @param docFlags upper-case documentation flags ({@code DEPRECATED})
 * @param commandFlags upper-case command flags ({@code WRITE}, {@code DENYOOM}), never {@code MOVABLEKEYS}
 * @param aclCategories the explicit ACL categories, upper case without {@code @}: not those the flags imply
 * @param commandTips upper-case tips ({@code NONDETERMINISTIC_OUTPUT}, {@code REQUEST_POLICY:ALL_SHARDS}), in order
 * @param keySpecs the key specs, which {@link ArgumentSpec#keySpecIndex} points into
 * @param arguments the arguments after the name (after the subcommand name for a subcommand)
 * @param dispatchRules how the command stands to MULTI and subscribed mode (our field, not Redis's)
 */
public record CommandDeclaration(String name, String container, String summary, String complexity, String group,
        String since, int arity, List<HistoryEntry> history, String deprecatedSince, String replacedBy,
        Set<String> docFlags, Set<String> commandFlags, Set<String> aclCategories, List<String> commandTips,
        List<KeySpec> keySpecs, List<ArgumentSpec> arguments,
        Set<DispatchRule> dispatchRules) {

    /** Name, summary, group and since are required; the collections are copied. */
    public CommandDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(since, "since");
        history = List.copyOf(history);
        docFlags = copy(docFlags);
        commandFlags = copy(commandFlags);
        aclCategories = copy(aclCategories);
        commandTips = List.copyOf(commandTips);
        keySpecs = List.copyOf(keySpecs);
        arguments = List.copyOf(arguments);
        dispatchRules = dispatchRules.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(dispatchRules));
    }

    /** Whether this is a subcommand (it names a container). */
    public boolean isSubcommand() {
        return container != null;
    }

    /** The name {@code COMMAND INFO} and errors show: {@code get}, or {@code config|get} for a subcommand. */
    public String fullName() {
        String own = name.toLowerCase(Locale.ROOT);
        return container == null ? own : container.toLowerCase(Locale.ROOT) + "|" + own;
    }

    /** The resource file that declares this command: {@code get.json}, or {@code config-get.json}. */
    public String fileName() {
        return fullName().replace('|', '-') + ".json";
    }

    /** Positions in {@code argv} (0 being the command name) that hold keys; see {@link KeyPositions}. */
    public int[] keyPositions(byte[][] argv) {
        return KeyPositions.find(keySpecs, argv);
    }

    /** The first/last/step triple COMMAND INFO shows and whether the keys are movable; see {@link LegacyKeyRange}. */
    public LegacyKeyRange legacyKeyRange() {
        return LegacyKeyRange.of(keySpecs);
    }

    /** Explicit and implied ACL categories in Redis's order; see {@link AclCategories}. */
    public List<String> allAclCategories() {
        return AclCategories.of(commandFlags, aclCategories);
    }

    private static Set<String> copy(Set<String> names) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }
}
