package io.portbind.kv.table;

import io.portbind.kv.declaration.CommandDeclaration;
import io.portbind.kv.declaration.CommandFlag;
import io.portbind.kv.declaration.DispatchRule;
import io.portbind.kv.declaration.LegacyKeyRange;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One command of the table: its {@link CommandDeclaration} (read from its command file) bound to its body, with
 * what dispatch needs derived once: flags, dispatch rules, the legacy key range. A container command (CONFIG,
 * CLIENT, OBJECT) has subcommands, looked up by the second argument; COMMAND alone also has a body of its own.
 */
public final class CommandSpec {

    private final CommandDeclaration declaration;
    private final String name;
    private final String fullName;
    private final Set<CommandFlag> flags;
    private final LegacyKeyRange keyRange;
    private final Command body;
    private final Map<String, CommandSpec> subcommands;
    private final CommandStats stats = new CommandStats();

    /**
     * @param body the command's body, or null for a container that only has subcommands
     * @param subcommands the container's subcommands in the order {@code COMMAND INFO} lists them
     */
    CommandSpec(CommandDeclaration declaration, Command body, List<CommandSpec> subcommands) {
        this.declaration = declaration;
        this.name = declaration.name().toLowerCase(Locale.ROOT);
        this.fullName = declaration.fullName();
        this.keyRange = declaration.legacyKeyRange();
        Set<CommandFlag> declared = EnumSet.noneOf(CommandFlag.class);
        declaration.commandFlags().forEach(flag -> declared.add(CommandFlag.valueOf(flag)));
        if (keyRange.movableKeys()) {
            declared.add(CommandFlag.MOVABLEKEYS);
        }
        this.flags = Collections.unmodifiableSet(declared);
        this.body = body;
        Map<String, CommandSpec> subs = new LinkedHashMap<>();
        subcommands.forEach(sub -> subs.put(sub.name, sub));
        this.subcommands = Collections.unmodifiableMap(subs);
    }

    /** What the command file declares. */
    public CommandDeclaration declaration() {
        return declaration;
    }

    /** Lower-case name, such as {@code get} or, for a subcommand, {@code get} of {@code config}. */
    public String name() {
        return name;
    }

    /** The name errors and COMMAND show: {@code get}, or {@code config|get} for a subcommand. */
    public String fullName() {
        return fullName;
    }

    /** Number of arguments including the name; negative means "at least minus this". */
    public int arity() {
        return declaration.arity();
    }

    public boolean acceptsArgCount(int argc) {
        int arity = declaration.arity();
        return arity >= 0 ? argc == arity : argc >= -arity;
    }

    /** Whether the command carries {@code flag}, declared or (MOVABLEKEYS) derived. */
    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    public boolean has(DispatchRule rule) {
        return declaration.dispatchRules().contains(rule);
    }

    /** Whether some key spec names real keys (Redis's doesCommandHaveKeys): COMMAND GETKEYS refuses the others. */
    public boolean hasKeys() {
        return declaration.keySpecs().stream().anyMatch(spec -> !spec.flags().contains("NOT_KEY"));
    }

    /** Positions in {@code args} (0 = command name) of the keys, from the key specs; empty when none fit. */
    public int[] keyPositions(byte[][] args) {
        return declaration.keyPositions(args);
    }

    /** The first key COMMAND INFO shows, 0 when the command has no fixed key positions. */
    public int firstKey() {
        return keyRange.firstKey();
    }

    public Command body() {
        return body;
    }

    /** Whether the second argument names a subcommand (CONFIG GET); COMMAND alone also runs a body of its own. */
    public boolean isContainer() {
        return !subcommands.isEmpty();
    }

    /** The subcommand named {@code name} (any case), or null. */
    public CommandSpec subcommand(String name) {
        return subcommands.get(name.toLowerCase(Locale.ROOT));
    }

    public Map<String, CommandSpec> subcommands() {
        return subcommands;
    }

    /** Calls, time and errors of this command, for INFO commandstats. */
    public CommandStats stats() {
        return stats;
    }
}
