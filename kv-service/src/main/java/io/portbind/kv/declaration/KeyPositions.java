package io.portbind.kv.declaration;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the key arguments of a concrete argument vector from a command's key specs, as Redis 7.0's
 * getKeysUsingKeySpecs in db.c does. The specs are applied in order and their positions concatenated. A spec
 * marked NOT_KEY, a spec of an unknown kind (which in Redis falls back to a command-specific function that this
 * table has not) and a keyword spec whose keyword is absent contribute nothing. A spec that points outside the
 * arguments or whose key count is not a non-negative integer means a syntax error the command itself will
 * report; then, as in Redis, there are no keys at all.
 */
public final class KeyPositions {

    private static final int[] NONE = new int[0];

    private KeyPositions() {
    }

    /** Positions in {@code argv} (0 being the command name) that hold keys, in spec order; empty when none. */
    public static int[] find(List<KeySpec> specs, byte[][] argv) {
        int argc = argv.length;
        int[] found = new int[Math.max(argc, 1)];
        int count = 0;
        for (KeySpec spec : specs) {
            if (spec.flags().contains("NOT_KEY")) {
                continue;
            }
            long first;
            if (spec.beginSearch() instanceof BeginSearch.Index index) {
                first = index.pos();
            } else if (spec.beginSearch() instanceof BeginSearch.Keyword keyword) {
                first = afterKeyword(keyword, argv);
                if (first == 0) {
                    continue;
                }
            } else {
                continue;
            }
            long last;
            int step;
            if (spec.findKeys() instanceof FindKeys.Range range) {
                step = range.step();
                if (range.lastKey() >= 0) {
                    last = first + range.lastKey();
                } else if (range.limit() == 0) {
                    last = argc + range.lastKey();
                } else {
                    last = first + ((argc - first) / range.limit() + range.lastKey());
                }
            } else if (spec.findKeys() instanceof FindKeys.KeyNum keyNum) {
                step = keyNum.step();
                long countAt = first + keyNum.keyNumIndex();
                if (countAt >= argc) {
                    return NONE;
                }
                long keys = parseCount(argv[(int) countAt]);
                if (keys < 0) {
                    return NONE;
                }
                first += keyNum.firstKey();
                last = first + keys - 1;
            } else {
                continue;
            }
            if (last >= argc || last < first || first >= argc) {
                return NONE;
            }
            for (long i = first; i <= last; i += step) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = (int) i;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * The index after the first argument equal to the keyword, ignoring ASCII case, or 0. The bounds are Redis's:
     * searching forwards the last argument is not looked at, searching backwards the first one is not (a keyword
     * there could not be followed by a key).
     */
    private static long afterKeyword(BeginSearch.Keyword keyword, byte[][] argv) {
        int argc = argv.length;
        byte[] word = keyword.keyword().getBytes(StandardCharsets.UTF_8);
        int start = keyword.startFrom() > 0 ? keyword.startFrom() : argc + keyword.startFrom();
        int end = keyword.startFrom() > 0 ? argc - 1 : 1;
        for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
            if (i >= argc || i < 1) {
                break;
            }
            if (equalsIgnoreAsciiCase(argv[i], word)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean equalsIgnoreAsciiCase(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (lowerAscii(a[i]) != lowerAscii(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lowerAscii(byte c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /**
     * A key count as Redis's string2ll reads it (optional minus, no plus, no leading zeros, no spaces, within a
     * long), or -1 when the text is not one or is negative.
     */
    private static long parseCount(byte[] text) {
        if (text.length == 0 || text.length > 20) {
            return -1;
        }
        if (text.length == 1 && text[0] == '0') {
            return 0;
        }
        if (text[0] < '1' || text[0] > '9') {
            // A leading minus sign makes a negative count, which is as invalid as no number.
            return -1;
        }
        long value = 0;
        for (byte c : text) {
            if (c < '0' || c > '9') {
                return -1;
            }
            int digit = c - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
