package io.portbind.kv.declaration;

import java.util.Objects;

/**
 * Where a key spec starts looking for its keys: at a fixed argument index, just after a keyword, or nowhere the
 * table can say (the command finds its keys itself).
 */
public sealed interface BeginSearch permits BeginSearch.Index, BeginSearch.Keyword, BeginSearch.Unknown {

    /** The search begins at argument {@code pos} (1 is the first argument after the command name). */
    record Index(int pos) implements BeginSearch {

        /** {@code pos} is at least 1: the command name is never a key. */
        public Index {
            if (pos < 1) {
                throw new IllegalArgumentException("begin_search index pos must be at least 1, not " + pos);
            }
        }
    }

    /**
     * The search begins just after the first argument equal to {@code keyword} (ignoring ASCII case), looked for
     * from index {@code startFrom} towards the end, or for a negative {@code startFrom} from {@code argc +
     * startFrom} towards the start.
     */
    record Keyword(String keyword, int startFrom) implements BeginSearch {

        /** The keyword is required and {@code startFrom} is not 0. */
        public Keyword {
            Objects.requireNonNull(keyword, "keyword");
            if (startFrom == 0) {
                throw new IllegalArgumentException("begin_search keyword startfrom must not be 0");
            }
        }
    }

    /** No search the table can describe; such a spec yields no keys. */
    record Unknown() implements BeginSearch {
    }
}
