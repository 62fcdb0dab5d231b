package io.portbind.kv.strings;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;

/**
 * LCS key1 key2 [LEN] [IDX] [MINMATCHLEN len] [WITHMATCHLEN]: the longest common subsequence of two strings (a
 * missing key is the empty string), by Redis's dynamic-programming table, walked back from the end so that the
 * subsequence and the matched ranges are the ones Redis reports.
 */
final class LongestCommonSubsequence {

    private static final CommandError NOT_STRINGS =
            new CommandError("ERR The specified keys must contain string values");
    private static final CommandError LEN_AND_IDX =
            new CommandError("ERR If you want both the length and indexes, please just use IDX.");
    private static final CommandError NO_MEMORY =
            new CommandError("ERR Insufficient memory, failed allocating transient memory for LCS");

    private record Options(boolean length, boolean indexes, long minMatchLength, boolean withMatchLength) {
    }

    /** One matched range: a[aStart..aEnd] equals b[bStart..bEnd]. */
    private record Match(int aStart, int aEnd, int bStart, int bEnd) {
        int length() {
            return aEnd - aStart + 1;
        }
    }

    private LongestCommonSubsequence() {
    }

    static void lcs(Call call) {
        Object first = call.db().get(call.arg(1));
        Object second = call.db().get(call.arg(2));
        if (first != null && !(first instanceof byte[]) || second != null && !(second instanceof byte[])) {
            throw NOT_STRINGS;
        }
        byte[] a = first == null ? new byte[0] : (byte[]) first;
        byte[] b = second == null ? new byte[0] : (byte[]) second;
        Options options = options(call);
        int[] table = table(a, b);
        int width = b.length + 1;
        int length = table[a.length * width + b.length];
        if (options.length) {
            call.reply().integer(length);
            return;
        }
        byte[] subsequence = new byte[length];
        List<Match> matches = walkBack(a, b, table, subsequence);
        if (!options.indexes) {
            call.reply().bulk(subsequence);
            return;
        }
        replyIndexes(call.reply(), matches, options, length);
    }

    /** table[i * (|b| + 1) + j] is the LCS length of a's first i bytes and b's first j. */
    private static int[] table(byte[] a, byte[] b) {
        long cells = (long) (a.length + 1) * (b.length + 1);
        if (cells > Integer.MAX_VALUE - 8) {
            throw NO_MEMORY;
        }
        int[] table;
        try {
            table = new int[(int) cells];
        } catch (OutOfMemoryError tooLarge) {
            // Redis tries the allocation (ztrymalloc) and answers this error when it fails; so do we.
            throw NO_MEMORY;
        }
        int width = b.length + 1;
        for (int i = 1; i <= a.length; i++) {
            for (int j = 1; j <= b.length; j++) {
                table[i * width + j] = a[i - 1] == b[j - 1] ? table[(i - 1) * width + j - 1] + 1
                        : Math.max(table[(i - 1) * width + j], table[i * width + j - 1]);
            }
        }
        return table;
    }

    /**
     * Fills {@code subsequence} from its end and returns the contiguous matched ranges, last first, as Redis's
     * walk finds them: a range ends at the first step that is not a diagonal match, or at the start of a string.
     */
    private static List<Match> walkBack(byte[] a, byte[] b, int[] table, byte[] subsequence) {
        List<Match> matches = new ArrayList<>();
        int width = b.length + 1;
        int i = a.length;
        int j = b.length;
        int filled = subsequence.length;
        int aStart = -1;
        int aEnd = 0;
        int bStart = 0;
        int bEnd = 0;
        while (i > 0 && j > 0) {
            boolean emit = false;
            if (a[i - 1] == b[j - 1]) {
                subsequence[--filled] = a[i - 1];
                if (aStart < 0) {
                    aStart = i - 1;
                    aEnd = i - 1;
                    bStart = j - 1;
                    bEnd = j - 1;
                } else {
                    aStart--;
                    bStart--;
                }
                emit = aStart == 0 || bStart == 0;
                i--;
                j--;
            } else {
                if (table[(i - 1) * width + j] > table[i * width + j - 1]) {
                    i--;
                } else {
                    j--;
                }
                emit = aStart >= 0;
            }
            if (emit) {
                matches.add(new Match(aStart, aEnd, bStart, bEnd));
                aStart = -1;
            }
        }
        return matches;
    }

    private static void replyIndexes(Reply reply, List<Match> matches, Options options, int length) {
        List<Match> shown = matches.stream()
                .filter(match -> options.minMatchLength == 0 || match.length() >= options.minMatchLength)
                .toList();
        reply.map(2);
        reply.bulk("matches");
        reply.array(shown.size());
        for (Match match : shown) {
            reply.array(options.withMatchLength ? 3 : 2);
            reply.array(2);
            reply.integer(match.aStart);
            reply.integer(match.aEnd);
            reply.array(2);
            reply.integer(match.bStart);
            reply.integer(match.bEnd);
            if (options.withMatchLength) {
                reply.integer(match.length());
            }
        }
        reply.bulk("len");
        reply.integer(length);
    }

    private static Options options(Call call) {
        boolean length = false;
        boolean indexes = false;
        boolean withMatchLength = false;
        long minMatchLength = 0;
        for (int i = 3; i < call.argCount(); i++) {
            if (call.is(i, "idx")) {
                indexes = true;
            } else if (call.is(i, "len")) {
                length = true;
            } else if (call.is(i, "withmatchlen")) {
                withMatchLength = true;
            } else if (call.is(i, "minmatchlen") && i + 1 < call.argCount()) {
                minMatchLength = Math.max(0, call.longArg(++i));
            } else {
                throw CommandError.SYNTAX;
            }
        }
        if (length && indexes) {
            throw LEN_AND_IDX;
        }
        return new Options(length, indexes, minMatchLength, withMatchLength);
    }
}
