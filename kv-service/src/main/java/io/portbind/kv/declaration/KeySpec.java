package io.portbind.kv.declaration;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One key spec of a command, as Redis 7 declares it: how a group of its keys is found in the arguments and how
 * the command uses them.
 *
 * @param notes Redis's remark on the spec, or null
 * @param flags upper-case key spec flags ({@code RW}, {@code ACCESS}, {@code VARIABLE_FLAGS}); order not significant
 * @param beginSearch where the search for the keys begins
 * @param findKeys which arguments from there are keys
 */
public record KeySpec(String notes, Set<String> flags, BeginSearch beginSearch, FindKeys findKeys) {

    /** Flags, begin search and find keys are required; the flags are copied. */
    public KeySpec {
        flags = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(flags, "flags")));
        Objects.requireNonNull(beginSearch, "beginSearch");
        Objects.requireNonNull(findKeys, "findKeys");
    }

    /** Whether both halves are the plain kind (index, range) the legacy first/last/step triple can express. */
    public boolean isIndexRange() {
        return beginSearch instanceof BeginSearch.Index && findKeys instanceof FindKeys.Range;
    }
}
