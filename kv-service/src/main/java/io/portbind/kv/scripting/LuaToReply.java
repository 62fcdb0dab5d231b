package io.portbind.kv.scripting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.portbind.kv.resp.Reply;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;

/**
 * A script's return value written as the client's reply, as Redis 7.0's {@code luaReplyToRedisReply}: a string is a
 * bulk string, a number an integer (truncated toward zero), {@code true} the integer 1 and {@code false} a null
 * (after {@code redis.setresp(3)}: booleans), nil a null; a table with a string {@code err} is an error, with a
 * string {@code ok} a status, then {@code double}, {@code big_number}, {@code verbatim_string}, {@code map} and
 * {@code set} tables their RESP3 types, and any other table an array of its elements from 1 up to the first nil.
 */
final class LuaToReply {

    private static final LuaString ERR = LuaString.valueOf("err");
    private static final LuaString OK = LuaString.valueOf("ok");
    private static final LuaString DOUBLE = LuaString.valueOf("double");
    private static final LuaString BIG_NUMBER = LuaString.valueOf("big_number");
    private static final LuaString VERBATIM = LuaString.valueOf("verbatim_string");
    private static final LuaString FORMAT = LuaString.valueOf("format");
    private static final LuaString STRING = LuaString.valueOf("string");
    private static final LuaString MAP = LuaString.valueOf("map");
    private static final LuaString SET = LuaString.valueOf("set");

    private LuaToReply() {
    }

    /** Writes {@code value} to {@code reply}; {@code scriptResp} is what the script chose with redis.setresp. */
    static void write(Reply reply, LuaValue value, int scriptResp) {
        switch (value.type()) {
            case LuaValue.TSTRING -> reply.bulk(bytes(value));
            case LuaValue.TBOOLEAN -> {
                if (scriptResp == 2) {
                    if (value.toboolean()) {
                        reply.integer(1);
                    } else {
                        reply.nullBulk();
                    }
                } else {
                    reply.bool(value.toboolean());
                }
            }
            case LuaValue.TNUMBER -> reply.integer((long) value.todouble());
            case LuaValue.TTABLE -> table(reply, (LuaTable) value, scriptResp);
            default -> reply.nullBulk();
        }
    }

    private static void table(Reply reply, LuaTable table, int scriptResp) {
        LuaValue err = table.rawget(ERR);
        if (err.type() == LuaValue.TSTRING) {
            reply.error(bytes(err));
            return;
        }
        LuaValue ok = table.rawget(OK);
        if (ok.type() == LuaValue.TSTRING) {
            reply.simple(withoutNewlines(bytes(ok)));
            return;
        }
        LuaValue number = table.rawget(DOUBLE);
        if (number.type() == LuaValue.TNUMBER) {
            reply.doubleValue(number.todouble());
            return;
        }
        LuaValue big = table.rawget(BIG_NUMBER);
        if (big.type() == LuaValue.TSTRING) {
            reply.bigNumber(withoutNewlines(bytes(big)));
            return;
        }
        LuaValue verbatim = table.rawget(VERBATIM);
        if (verbatim.istable()) {
            LuaValue format = verbatim.rawget(FORMAT);
            LuaValue text = verbatim.rawget(STRING);
            if (format.type() == LuaValue.TSTRING && text.type() == LuaValue.TSTRING) {
                reply.verbatim(bytes(format), bytes(text));
                return;
            }
        }
        LuaValue map = table.rawget(MAP);
        if (map.istable()) {
            deferred(reply, (LuaTable) map, scriptResp, true);
            return;
        }
        LuaValue set = table.rawget(SET);
        if (set.istable()) {
            deferred(reply, (LuaTable) set, scriptResp, false);
            return;
        }
        int length = 0;
        while (!table.rawget(length + 1).isnil()) {
            length++;
        }
        reply.array(length);
        for (int i = 1; i <= length; i++) {
            write(reply, table.rawget(i), scriptResp);
        }
    }

    /**
     * A map (keys and values) or set (keys) of {@code table}; the count is known only after the elements are
     * written, as Redis's deferred lengths, so the elements go to a scratch buffer first.
     */
    private static void deferred(Reply reply, LuaTable table, int scriptResp, boolean withValues) {
        ByteBuf scratch = Unpooled.buffer();
        try {
            Reply elements = new Reply().target(scratch);
            elements.protocol(reply.protocol());
            int count = 0;
            LuaValue key = LuaValue.NIL;
            while (true) {
                Varargs next = table.next(key);
                key = next.arg1();
                if (key.isnil()) {
                    break;
                }
                write(elements, key, scriptResp);
                if (withValues) {
                    write(elements, next.arg(2), scriptResp);
                }
                count++;
            }
            if (withValues) {
                reply.map(count);
            } else {
                reply.set(count);
            }
            reply.buffer().writeBytes(scratch);
        } finally {
            scratch.release();
        }
    }

    static byte[] bytes(LuaValue string) {
        LuaString text = string.checkstring();
        byte[] copy = new byte[text.m_length];
        text.copyInto(0, copy, 0, copy.length);
        return copy;
    }

    private static byte[] withoutNewlines(byte[] text) {
        for (int i = 0; i < text.length; i++) {
            if (text[i] == '\r' || text[i] == '\n') {
                text[i] = ' ';
            }
        }
        return text;
    }
}
