package io.portbind.kv.table;

import java.util.List;
import java.util.Locale;

/**
 * One argument of a command as {@code COMMAND DOCS} describes it (redis-cli builds its hints from
 * these). Declared with a small vocabulary that reads like the command's syntax line:
 * <pre>{@code
 * args(key("key"), string("value"),
 *      oneOf("condition", keyword("NX"), keyword("XX")).optional(),
 *      oneOf("expiration", integer("seconds").token("EX"), keyword("KEEPTTL")).optional())
 * }</pre>
 * Immutable: every modifier returns a new argument.
 */
public final class Arg {

    /** The argument types of COMMAND DOCS. */
    public enum Type {
        KEY("key"), STRING("string"), INTEGER("integer"), DOUBLE("double"), PATTERN("pattern"),
        UNIX_TIME("unix-time"), PURE_TOKEN("pure-token"), ONEOF("oneof"), BLOCK("block");

        private final String docName;

        Type(String docName) {
            this.docName = docName;
        }

        public String docName() {
            return docName;
        }
    }

    private final String name;
    private final Type type;
    private final String token;
    private final String since;
    private final boolean optional;
    private final boolean multiple;
    private final List<Arg> children;

    private Arg(String name, Type type, String token, String since, boolean optional, boolean multiple,
                List<Arg> children) {
        this.name = name;
        this.type = type;
        this.token = token;
        this.since = since;
        this.optional = optional;
        this.multiple = multiple;
        this.children = children;
    }

    private static Arg of(String name, Type type) {
        return new Arg(name, type, null, null, false, false, List.of());
    }

    public static Arg key(String name) {
        return of(name, Type.KEY);
    }

    public static Arg string(String name) {
        return of(name, Type.STRING);
    }

    public static Arg integer(String name) {
        return of(name, Type.INTEGER);
    }

    public static Arg number(String name) {
        return of(name, Type.DOUBLE);
    }

    public static Arg pattern(String name) {
        return of(name, Type.PATTERN);
    }

    public static Arg unixTime(String name) {
        return of(name, Type.UNIX_TIME);
    }

    /** A keyword standing alone ({@code NX}, a "pure token"); its name is the word in lower case. */
    public static Arg keyword(String word) {
        return new Arg(word.toLowerCase(Locale.ROOT), Type.PURE_TOKEN, word, null, false, false, List.of());
    }

    /** Exactly one of {@code choices}. */
    public static Arg oneOf(String name, Arg... choices) {
        return new Arg(name, Type.ONEOF, null, null, false, false, List.of(choices));
    }

    /** {@code parts} in sequence, as one unit ({@code key value} pairs, {@code AUTH username password}). */
    public static Arg block(String name, Arg... parts) {
        return new Arg(name, Type.BLOCK, null, null, false, false, List.of(parts));
    }

    /** This argument preceded by the keyword {@code word} ({@code EX seconds}). */
    public Arg token(String word) {
        return new Arg(name, type, word, since, optional, multiple, children);
    }

    public Arg optional() {
        return new Arg(name, type, token, since, true, multiple, children);
    }

    /** May be repeated. */
    public Arg multiple() {
        return new Arg(name, type, token, since, optional, true, children);
    }

    /** The Redis version that added this argument, when later than the command. */
    public Arg since(String version) {
        return new Arg(name, type, token, version, optional, multiple, children);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    /** The keyword before the argument, or null. */
    public String token() {
        return token;
    }

    /** The version that added the argument, or null. */
    public String since() {
        return since;
    }

    public boolean isOptional() {
        return optional;
    }

    public boolean isMultiple() {
        return multiple;
    }

    /** The choices of a {@code oneof}, the parts of a {@code block}; empty otherwise. */
    public List<Arg> children() {
        return children;
    }
}
