package io.portbind.kv.declaration;

import java.util.List;
import java.util.Objects;

/**
 * One argument of a command as {@code COMMAND DOCS} describes it; {@code oneof} and {@code block} arguments nest
 * their parts in {@link #arguments}.
 *
 * @param name the argument's name
 * @param type one of string, integer, double, key, pattern, unix-time, pure-token, oneof, block
 * @param keySpecIndex for a key argument, the index of its key spec in the command's list; otherwise -1
 * @param token the literal word that introduces the argument ({@code EX}, {@code WEIGHTS}), or null
 * @param summary a description, or null
 * @param since the version that added the argument, or null
 * @param deprecatedSince the version that deprecated the argument, or null
 * @param display the text to show instead of the name, or null (Redis 7.2's display_text; 7.0 never shows it)
 * @param optional may be left out
 * @param multiple may be repeated
 * @param multipleToken when repeated, the token is repeated too
 * @param arguments the parts of a oneof or block; empty otherwise
 */
public record ArgumentSpec(String name, String type, int keySpecIndex, String token, String summary, String since,
        String deprecatedSince, String display, boolean optional, boolean multiple, boolean multipleToken,
        List<ArgumentSpec> arguments) {

    /** Name and type are required, {@code keySpecIndex} is -1 or more; the nested list is copied. */
    public ArgumentSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (keySpecIndex < -1) {
            throw new IllegalArgumentException("key_spec_index must not be negative, not " + keySpecIndex);
        }
        arguments = List.copyOf(arguments);
    }

    /** Whether the argument names a key. */
    public boolean hasKeySpec() {
        return keySpecIndex >= 0;
    }
}
