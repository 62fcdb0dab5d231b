package io.portbind.kv.keyspace;

/**
 * Redis's glob-style matching (stringmatchlen) over bytes: {@code *}, {@code ?}, {@code [abc]},
 * {@code [^a-z]}, and {@code \} to quote the next character. Used by KEYS, SCAN MATCH, CONFIG GET,
 * PSUBSCRIBE and COMMAND LIST. Backtracks only to the last star, so no pattern takes exponential time.
 */
public final class GlobPattern {

    /** Whether letters must match in case, as the {@code nocase} argument of Redis's stringmatchlen. */
    public enum Case {
        /** {@code a} matches only {@code a}: KEYS, SCAN MATCH, PSUBSCRIBE, PUBSUB CHANNELS. */
        SENSITIVE,
        /** {@code a} matches {@code a} and {@code A} (ASCII letters): CONFIG GET, COMMAND LIST FILTERBY PATTERN. */
        INSENSITIVE
    }

    private GlobPattern() {
    }

    /** Whether {@code text} matches {@code pattern} as a whole, letters compared as {@code letterCase} says. */
    public static boolean matches(byte[] pattern, byte[] text, Case letterCase) {
        if (pattern.length == 1 && pattern[0] == '*') {
            return true; // the common "everything" (KEYS *, SCAN MATCH *) without walking the text
        }
        int p = 0;
        int t = 0;
        int starP = -1;
        int starT = -1;
        while (t < text.length) {
            if (p < pattern.length && pattern[p] == '*') {
                starP = ++p;
                starT = t;
                continue;
            }
            int next = p < pattern.length ? matchOne(pattern, p, text[t], letterCase) : -1;
            if (next >= 0) {
                p = next;
                t++;
            } else if (starP >= 0) {
                p = starP;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p] == '*') {
            p++;
        }
        return p == pattern.length;
    }

    /** If the pattern element at {@code p} matches {@code c}, the index after that element; otherwise -1. */
    private static int matchOne(byte[] pattern, int p, byte c, Case letterCase) {
        switch (pattern[p]) {
            case '?':
                return p + 1;
            case '[':
                return matchClass(pattern, p + 1, c, letterCase);
            case '\\':
                if (p + 1 < pattern.length) {
                    return same(pattern[p + 1], c, letterCase) ? p + 2 : -1;
                }
                return same(pattern[p], c, letterCase) ? p + 1 : -1;
            default:
                return same(pattern[p], c, letterCase) ? p + 1 : -1;
        }
    }

    private static int matchClass(byte[] pattern, int p, byte c, Case letterCase) {
        boolean negate = p < pattern.length && pattern[p] == '^';
        if (negate) {
            p++;
        }
        boolean found = false;
        while (p < pattern.length && pattern[p] != ']') {
            if (pattern[p] == '\\' && p + 1 < pattern.length) {
                p++;
                found |= same(pattern[p], c, letterCase);
            } else if (p + 2 < pattern.length && pattern[p + 1] == '-') {
                int low = Math.min(pattern[p] & 0xff, pattern[p + 2] & 0xff);
                int high = Math.max(pattern[p] & 0xff, pattern[p + 2] & 0xff);
                int value = (letterCase == Case.INSENSITIVE ? lower(c) : c) & 0xff;
                if (letterCase == Case.INSENSITIVE) {
                    low = lower((byte) low) & 0xff;
                    high = lower((byte) high) & 0xff;
                }
                found |= value >= low && value <= high;
                p += 2;
            } else {
                found |= same(pattern[p], c, letterCase);
            }
            p++;
        }
        // An unterminated class ends at the end of the pattern, as in Redis.
        int after = p < pattern.length ? p + 1 : p;
        return found != negate ? after : -1;
    }

    private static boolean same(byte a, byte b, Case letterCase) {
        return a == b || letterCase == Case.INSENSITIVE && lower(a) == lower(b);
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }
}
