package io.portbind.kv.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One command as the table declares it: everything dispatch, arity checks, {@code COMMAND INFO},
 * {@code COMMAND DOCS} and {@code COMMAND GETKEYS} need. A container command (CONFIG, CLIENT,
 * COMMAND) has no body of its own but subcommands, looked up by the second argument.
 * Built with {@link #command} or {@link #container}.
 */
public final class CommandSpec {

    /** The complexity most commands declare. */
    public static final String CONSTANT_TIME = "O(1)";

    private final String name;
    private final String fullName;
    private final int arity;
    private final Set<CommandFlag> flags;
    private final Set<DispatchRule> rules;
    private final int firstKey;
    private final int lastKey;
    private final int keyStep;
    private final KeyFinder keyFinder;
    private final CommandGroup group;
    private final String summary;
    private final String since;
    private final String complexity;
    private final List<Arg> arguments;
    private final List<String> categories;
    private final Command body;
    private final Map<String, CommandSpec> subcommands;
    private final CommandStats stats = new CommandStats();

    private CommandSpec(Builder builder, String parentName) {
        this.name = builder.name;
        this.fullName = parentName == null ? builder.name : parentName + "|" + builder.name;
        this.arity = builder.arity;
        this.flags = Collections.unmodifiableSet(builder.flags);
        this.rules = Collections.unmodifiableSet(builder.rules);
        this.firstKey = builder.firstKey;
        this.lastKey = builder.lastKey;
        this.keyStep = builder.keyStep;
        this.keyFinder = builder.keyFinder;
        this.group = Objects.requireNonNull(builder.group, "group of " + fullName);
        this.summary = Objects.requireNonNull(builder.summary, "summary of " + fullName);
        this.since = Objects.requireNonNull(builder.since, "since of " + fullName);
        this.complexity = builder.complexity;
        this.arguments = builder.arguments;
        this.categories = builder.categories;
        this.body = builder.body;
        Map<String, CommandSpec> subs = new LinkedHashMap<>();
        for (Builder sub : builder.subcommands) {
            subs.put(sub.name, new CommandSpec(sub.inherit(builder), fullName));
        }
        this.subcommands = Collections.unmodifiableMap(subs);
    }

    /** Starts the declaration of a command whose body is {@code body}. */
    public static Builder command(String name, Command body) {
        return new Builder(name, Objects.requireNonNull(body, "body"));
    }

    /** Starts the declaration of a container command without a body of its own (arity -2, as in Redis). */
    public static Builder container(String name) {
        return new Builder(name, null).arity(-2);
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
        return arity;
    }

    public boolean acceptsArgCount(int argc) {
        return arity >= 0 ? argc == arity : argc >= -arity;
    }

    public boolean has(CommandFlag flag) {
        return flags.contains(flag);
    }

    public Set<CommandFlag> flags() {
        return flags;
    }

    public boolean has(DispatchRule rule) {
        return rules.contains(rule);
    }

    public int firstKey() {
        return firstKey;
    }

    public int lastKey() {
        return lastKey;
    }

    public int keyStep() {
        return keyStep;
    }

    public boolean hasMovableKeys() {
        return keyFinder != null;
    }

    /** Positions of the keys in {@code args}, from the declared positions or the command's {@link KeyFinder}. */
    public int[] keyPositions(byte[][] args) {
        if (keyFinder != null) {
            return keyFinder.keyPositions(args);
        }
        if (firstKey == 0) {
            return new int[0];
        }
        int last = lastKey >= 0 ? lastKey : args.length + lastKey;
        if (last >= args.length) {
            return new int[0];
        }
        int[] positions = new int[(last - firstKey) / keyStep + 1];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = firstKey + i * keyStep;
        }
        return positions;
    }

    public CommandGroup group() {
        return group;
    }

    public String summary() {
        return summary;
    }

    public String since() {
        return since;
    }

    /** The time complexity COMMAND DOCS shows, such as {@code O(1)}; null when not declared. */
    public String complexity() {
        return complexity;
    }

    /** The arguments COMMAND DOCS shows; empty when the command declares none. */
    public List<Arg> arguments() {
        return arguments;
    }

    /** ACL categories declared beyond those the flags and group imply ({@code @dangerous}, ...). */
    public List<String> categories() {
        return categories;
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

    /** A command declaration under construction. */
    public static final class Builder {

        private final String name;
        private final Command body;
        private int arity;
        private final Set<CommandFlag> flags = EnumSet.noneOf(CommandFlag.class);
        private final Set<DispatchRule> rules = EnumSet.noneOf(DispatchRule.class);
        private int firstKey;
        private int lastKey;
        private int keyStep;
        private KeyFinder keyFinder;
        private CommandGroup group;
        private String summary;
        private String since;
        private String complexity;
        private List<Arg> arguments = List.of();
        private List<String> categories = List.of();
        private final List<Builder> subcommands = new ArrayList<>();

        private Builder(String name, Command body) {
            this.name = name.toLowerCase(Locale.ROOT);
            this.body = body;
        }

        /** Argument count including the name; negative for "at least". */
        public Builder arity(int arity) {
            this.arity = arity;
            return this;
        }

        public Builder flags(CommandFlag... flags) {
            this.flags.addAll(List.of(flags));
            return this;
        }

        /** How the command stands to MULTI and subscribed mode, beyond its Redis flags. */
        public Builder rules(DispatchRule... rules) {
            this.rules.addAll(List.of(rules));
            return this;
        }

        /** Keys at {@code first}, {@code first + step}, ... up to {@code last} (negative: counted from the end). */
        public Builder keys(int first, int last, int step) {
            this.firstKey = first;
            this.lastKey = last;
            this.keyStep = step;
            return this;
        }

        /** For commands whose key positions depend on their arguments. */
        public Builder keys(KeyFinder finder) {
            this.keyFinder = finder;
            return this;
        }

        /** Group of the command; subcommands inherit their container's. */
        public Builder group(CommandGroup group) {
            this.group = group;
            return this;
        }

        /** One line for COMMAND DOCS. */
        public Builder summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** The Redis version that introduced the command; subcommands inherit their container's. */
        public Builder since(String since) {
            this.since = since;
            return this;
        }

        /** The time complexity for COMMAND DOCS, such as {@code O(1)}. */
        public Builder complexity(String complexity) {
            this.complexity = complexity;
            return this;
        }

        /** The arguments after the name (after the subcommand name for a subcommand), for COMMAND DOCS. */
        public Builder args(Arg... arguments) {
            this.arguments = List.of(arguments);
            return this;
        }

        /** ACL categories beyond those the flags and group imply, such as {@code @dangerous}. */
        public Builder categories(String... categories) {
            this.categories = List.of(categories);
            return this;
        }

        public Builder subcommand(Builder subcommand) {
            this.subcommands.add(subcommand);
            return this;
        }

        private Builder inherit(Builder container) {
            if (group == null) {
                group = container.group;
            }
            if (since == null) {
                since = container.since;
            }
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(this, null);
        }
    }
}
