package io.portbind.kv.scripting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;

/**
 * The {@code cjson} table of lua-cjson as Redis embeds it: {@code encode} and {@code decode} with its defaults —
 * numbers with 14 significant digits, {@code /} escaped, a table whose keys are 1..n an array (holes as null; one
 * more than twice as sparse as full, beyond 10 elements, is refused), any other an object, nesting to 1000 levels,
 * and {@code cjson.null} for JSON's null.
 */
final class CjsonLibrary {

    private static final int MAX_DEPTH = 1000;
    private static final int SPARSE_RATIO = 2;
    private static final int SPARSE_SAFE = 10;
    static final LuaValue NULL = new LuaUserdata(new Object());

    private CjsonLibrary() {
    }

    static LuaTable create() {
        LuaTable cjson = new LuaTable();
        cjson.set("encode", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue value) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                encode(out, value, 0);
                return LuaString.valueUsing(out.toByteArray());
            }
        });
        cjson.set("decode", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue text) {
                return new JsonDecoder(LuaToReply.bytes(text.checkstring()), NULL).document();
            }
        });
        cjson.set("null", NULL);
        return cjson;
    }

    private static void encode(ByteArrayOutputStream out, LuaValue value, int depth) {
        switch (value.type()) {
            case LuaValue.TNIL -> ascii(out, "null");
            case LuaValue.TBOOLEAN -> ascii(out, value.toboolean() ? "true" : "false");
            case LuaValue.TNUMBER -> ascii(out, number(value.todouble()));
            case LuaValue.TSTRING -> string(out, LuaToReply.bytes(value));
            case LuaValue.TTABLE -> table(out, (LuaTable) value, depth + 1);
            default -> {
                if (value == NULL) {
                    ascii(out, "null");
                } else {
                    throw new LuaError("Cannot serialise " + value.typename() + ": type not supported");
                }
            }
        }
    }

    /** lua-cjson's {@code %.14g}. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new LuaError("Cannot serialise number: must not be NaN or Inf");
        }
        return LuaNumbers.format14g(value);
    }

    private static void table(ByteArrayOutputStream out, LuaTable table, int depth) {
        if (depth > MAX_DEPTH) {
            throw new LuaError("Cannot serialise, excessive nesting (" + depth + ")");
        }
        int length = arrayLength(table);
        if (length >= 0) {
            out.write('[');
            for (int i = 1; i <= length; i++) {
                if (i > 1) {
                    out.write(',');
                }
                encode(out, table.rawget(i), depth);
            }
            out.write(']');
            return;
        }
        out.write('{');
        boolean first = true;
        LuaValue key = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                break;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            if (key.type() == LuaValue.TSTRING) {
                string(out, LuaToReply.bytes(key));
            } else if (key.type() == LuaValue.TNUMBER) {
                string(out, number(key.todouble()).getBytes(StandardCharsets.US_ASCII));
            } else {
                throw new LuaError("Cannot serialise table: table key must be a number or string");
            }
            out.write(':');
            encode(out, next.arg(2), depth);
        }
        out.write('}');
    }

    /** The array length of {@code table} as lua-cjson's {@code lua_array_length}, or -1 when it is an object. */
    private static int arrayLength(LuaTable table) {
        int max = 0;
        int items = 0;
        LuaValue key = LuaValue.NIL;
        while (true) {
            key = table.next(key).arg1();
            if (key.isnil()) {
                break;
            }
            if (key.type() != LuaValue.TNUMBER || key.todouble() < 1 || key.todouble() != Math.floor(key.todouble())) {
                return -1;
            }
            max = Math.max(max, (int) key.todouble());
            items++;
        }
        if (max > SPARSE_SAFE && max > items * SPARSE_RATIO) {
            throw new LuaError("Cannot serialise table: excessively sparse array");
        }
        return items == 0 ? -1 : max;
    }

    private static void string(ByteArrayOutputStream out, byte[] text) {
        out.write('"');
        for (byte b : text) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> ascii(out, "\\\"");
                case '\\' -> ascii(out, "\\\\");
                case '/' -> ascii(out, "\\/");
                case '\b' -> ascii(out, "\\b");
                case '\f' -> ascii(out, "\\f");
                case '\n' -> ascii(out, "\\n");
                case '\r' -> ascii(out, "\\r");
                case '\t' -> ascii(out, "\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        ascii(out, String.format("\\u%04x", c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
