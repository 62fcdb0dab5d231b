package io.portbind.kv.commands;

import io.portbind.kv.CommandError;
import io.portbind.kv.GlobPattern;
import io.portbind.kv.Numbers;
import io.portbind.kv.command.Call;
import io.portbind.kv.protocol.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** HSCAN key cursor [MATCH pattern] [COUNT count]. */
final class HashScan {

    private static final CommandError INVALID_CURSOR = new CommandError("ERR invalid cursor");
    private static final byte[] CURSOR_END = {'0'};

    private HashScan() {
    }

    /**
     * Redis answers a small (listpack) hash whole, with cursor 0, whatever the cursor and COUNT. A hash
     * table is answered whole too: one call is a complete iteration, which SCAN's contract allows (COUNT
     * is a hint). A resumable cursor over the table is still to come.
     */
    static void hscan(Call call) {
        parseCursor(call.arg(2));
        HashValue hash = HashReads.at(call);
        Reply reply = call.reply();
        if (hash == null) {
            reply.array(2);
            reply.bulk(CURSOR_END);
            reply.array(0);
            return;
        }
        byte[] pattern = null;
        for (int i = 3; i < call.argCount(); i += 2) {
            if (i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            if (call.is(i, "count")) {
                if (call.longArg(i + 1) < 1) {
                    throw CommandError.SYNTAX;
                }
            } else if (call.is(i, "match")) {
                pattern = call.arg(i + 1);
            } else {
                throw CommandError.SYNTAX;
            }
        }
        byte[] match = pattern != null && !(pattern.length == 1 && pattern[0] == '*') ? pattern : null;
        List<byte[]> found = new ArrayList<>();
        hash.forEach((field, value) -> {
            if (match == null || GlobPattern.matches(match, field, false)) {
                found.add(field);
                found.add(value);
            }
        });
        reply.array(2);
        reply.bulk(CURSOR_END);
        reply.array(found.size());
        for (byte[] item : found) {
            reply.bulk(item);
        }
    }

    /** A cursor is a decimal number as strtoul reads it: an optional sign, digits, at most 64 bits. */
    private static void parseCursor(byte[] text) {
        int start = text.length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        if (text.length - start > Numbers.MAX_LONG_CHARS) {
            throw INVALID_CURSOR;
        }
        for (int i = start; i < text.length; i++) {
            if (text[i] < '0' || text[i] > '9') {
                throw INVALID_CURSOR;
            }
        }
        if (text.length > start) {
            try {
                Long.parseUnsignedLong(new String(text, start, text.length - start, StandardCharsets.US_ASCII));
            } catch (NumberFormatException tooLarge) {
                throw INVALID_CURSOR;
            }
        }
    }
}
