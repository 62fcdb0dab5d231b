package io.portbind.kv.scripting;

import io.netty.buffer.ByteBuf;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A command's reply, as the script's client received it, turned into Lua values as Redis 7.0's
 * {@code redisProtocolToLuaType}: integers to numbers, bulk strings to strings, a null bulk or null array to
 * {@code false}, arrays to tables, a status to {@code {ok=...}}, an error to {@code {err=...}}; after
 * {@code redis.setresp(3)} also maps to {@code {map={...}}}, sets to {@code {set={member=true}}}, doubles to
 * {@code {double=n}}, big numbers to {@code {big_number="..."}}, verbatim strings to
 * {@code {verbatim_string={format=..., string=...}}}, booleans to booleans and null to nil.
 */
final class RespToLua {

    private RespToLua() {
    }

    /** Reads one whole reply from {@code in}. */
    static LuaValue read(ByteBuf in) {
        byte type = in.readByte();
        switch (type) {
            case '+':
                return field("ok", line(in));
            case '-':
                return field("err", line(in));
            case ':':
                return LuaValue.valueOf((double) Long.parseLong(line(in).tojstring()));
            case '$':
                return bulk(in, Long.parseLong(line(in).tojstring()));
            case '*':
            case '>':
                return array(in, Long.parseLong(line(in).tojstring()));
            case '%':
                return field("map", map(in, Integer.parseInt(line(in).tojstring())));
            case '~':
                return field("set", set(in, Integer.parseInt(line(in).tojstring())));
            case '_':
                line(in);
                return LuaValue.NIL;
            case '#':
                return LuaValue.valueOf(line(in).luaByte(0) == 't');
            case ',':
                return field("double", LuaValue.valueOf(parseDouble(line(in).tojstring())));
            case '(':
                return field("big_number", line(in));
            case '=':
                return verbatim(in, Integer.parseInt(line(in).tojstring()));
            default:
                throw new IllegalStateException("unexpected reply type " + (char) type);
        }
    }

    private static LuaValue bulk(ByteBuf in, long length) {
        if (length < 0) {
            return LuaValue.FALSE;
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes);
        in.skipBytes(2);
        return LuaString.valueUsing(bytes);
    }

    private static LuaValue array(ByteBuf in, long length) {
        if (length < 0) {
            return LuaValue.FALSE;
        }
        LuaTable table = new LuaTable((int) length, 0);
        for (int i = 1; i <= length; i++) {
            table.rawset(i, read(in));
        }
        return table;
    }

    private static LuaTable map(ByteBuf in, int pairs) {
        LuaTable table = new LuaTable(0, pairs);
        for (int i = 0; i < pairs; i++) {
            LuaValue key = read(in);
            table.rawset(key, read(in));
        }
        return table;
    }

    private static LuaTable set(ByteBuf in, int members) {
        LuaTable table = new LuaTable(0, members);
        for (int i = 0; i < members; i++) {
            table.rawset(read(in), LuaValue.TRUE);
        }
        return table;
    }

    private static LuaValue verbatim(ByteBuf in, int length) {
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        in.skipBytes(2);
        LuaTable inner = new LuaTable();
        inner.rawset("format", LuaString.valueOf(bytes, 0, 3));
        inner.rawset("string", LuaString.valueOf(bytes, 4, length - 4));
        return field("verbatim_string", inner);
    }

    private static double parseDouble(String text) {
        return switch (text) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }

    private static LuaTable field(String name, LuaValue value) {
        LuaTable table = new LuaTable();
        table.rawset(name, value);
        return table;
    }

    private static LuaString line(ByteBuf in) {
        int end = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\r');
        byte[] bytes = new byte[end - in.readerIndex()];
        in.readBytes(bytes);
        in.skipBytes(2);
        return LuaString.valueUsing(bytes);
    }
}
