package io.portbind.kv.streams;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/**
 * The trimming options of XADD and XTRIM ({@code MAXLEN|MINID [=|~] threshold [LIMIT count]}), parsed as
 * Redis's streamParseAddOrTrimArgsOrReply, with the argument positions that an approximate trim rewrites for
 * propagation. XADD's own options (NOMKSTREAM and the id) are parsed here too, since they share the loop.
 */
record Trim(Strategy strategy, long maxLength, StreamId minId, boolean approximate, long limit,
            int thresholdIndex, boolean noMkStream, int idIndex) {

    enum Strategy { NONE, MAXLEN, MINID }

    /** Redis's default LIMIT for an approximate trim: 100 times stream-node-max-entries. */
    private static final long DEFAULT_APPROXIMATE_LIMIT = 100L * StreamValue.NODE_MAX_ENTRIES;

    private static final CommandError BOTH = new CommandError(
            "ERR syntax error, MAXLEN and MINID options at the same time are not compatible");
    private static final CommandError NEGATIVE_MAXLEN = new CommandError("ERR The MAXLEN argument must be >= 0.");
    private static final CommandError NEGATIVE_LIMIT = new CommandError("ERR The LIMIT argument must be >= 0.");
    private static final CommandError LIMIT_WITHOUT_STRATEGY = new CommandError(
            "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy");
    private static final CommandError NO_STRATEGY = new CommandError(
            "ERR syntax error, XTRIM must be called with a trimming strategy");
    private static final CommandError LIMIT_WITHOUT_APPROXIMATE = new CommandError(
            "ERR syntax error, LIMIT cannot be used without the special ~ option");

    boolean trims() {
        return strategy != Strategy.NONE;
    }

    /**
     * Parses from argument 2. For XADD ({@code xadd}) the loop ends at the id, whose index is {@code idIndex}
     * (the argument count when there is none); for XTRIM every argument must be an option.
     */
    static Trim parse(Call call, boolean xadd) {
        Strategy strategy = Strategy.NONE;
        long maxLength = 0;
        StreamId minId = StreamId.MIN;
        boolean approximate = false;
        long limit = 0;
        boolean limitGiven = false;
        boolean noMkStream = false;
        int thresholdIndex = 0;
        int i = 2;
        for (; i < call.argCount(); i++) {
            int more = call.argCount() - 1 - i;
            byte[] option = call.arg(i);
            if (xadd && option.length == 1 && option[0] == '*') {
                break;
            } else if ((call.is(i, "maxlen") || call.is(i, "minid")) && more > 0) {
                if (strategy != Strategy.NONE) {
                    throw BOTH;
                }
                boolean byLength = call.is(i, "maxlen");
                approximate = false;
                if (more >= 2 && isSymbol(call.arg(i + 1), '~')) {
                    approximate = true;
                    i++;
                } else if (more >= 2 && isSymbol(call.arg(i + 1), '=')) {
                    i++;
                }
                if (byLength) {
                    maxLength = call.longArg(i + 1);
                    if (maxLength < 0) {
                        throw NEGATIVE_MAXLEN;
                    }
                    strategy = Strategy.MAXLEN;
                } else {
                    minId = StreamId.parseStrict(call.arg(i + 1), 0);
                    strategy = Strategy.MINID;
                }
                i++;
                thresholdIndex = i;
            } else if (call.is(i, "limit") && more > 0) {
                limit = call.longArg(i + 1);
                if (limit < 0) {
                    throw NEGATIVE_LIMIT;
                }
                limitGiven = true;
                i++;
            } else if (xadd && call.is(i, "nomkstream")) {
                noMkStream = true;
            } else if (xadd) {
                break;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        if (limit != 0 && strategy == Strategy.NONE) {
            throw LIMIT_WITHOUT_STRATEGY;
        }
        if (!xadd && strategy == Strategy.NONE) {
            throw NO_STRATEGY;
        }
        if (limitGiven && !approximate) {
            throw LIMIT_WITHOUT_APPROXIMATE;
        }
        if (!limitGiven) {
            limit = approximate ? DEFAULT_APPROXIMATE_LIMIT : 0;
        }
        return new Trim(strategy, maxLength, minId, approximate, limit, thresholdIndex, noMkStream, i);
    }

    private static boolean isSymbol(byte[] argument, char symbol) {
        return argument.length == 1 && argument[0] == symbol;
    }
}
