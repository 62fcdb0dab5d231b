package io.portbind.kv.scripting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * cjson.decode: one JSON text to Lua values (objects and arrays to tables, null to {@code cjson.null}), with
 * lua-cjson's error texts ({@code Expected value but found T_END at character 4}, token names as lua-cjson's).
 */
final class JsonDecoder {

    private static final int MAX_DEPTH = 1000;

    private final byte[] text;
    private final LuaValue nullValue;
    private int at;
    private int depth;

    JsonDecoder(byte[] text, LuaValue nullValue) {
        this.text = text;
        this.nullValue = nullValue;
    }

    LuaValue document() {
        LuaValue value = value();
        skipSpace();
        if (at < text.length) {
            throw error("the end", describeToken());
        }
        return value;
    }

    private LuaValue value() {
        skipSpace();
        if (at >= text.length) {
            throw error("value", "T_END");
        }
        byte c = text[at];
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return LuaString.valueUsing(string());
            case 't':
                return literal("true", LuaValue.TRUE);
            case 'f':
                return literal("false", LuaValue.FALSE);
            case 'n':
                return literal("null", nullValue);
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("value", describeToken());
        }
    }

    private LuaValue object() {
        enter();
        at++;
        LuaTable table = new LuaTable();
        skipSpace();
        if (at < text.length && text[at] == '}') {
            at++;
            depth--;
            return table;
        }
        while (true) {
            skipSpace();
            if (at >= text.length || text[at] != '"') {
                throw error("object key string", describeToken());
            }
            LuaString key = LuaString.valueUsing(string());
            skipSpace();
            if (at >= text.length || text[at] != ':') {
                throw error("colon", describeToken());
            }
            at++;
            table.rawset(key, value());
            skipSpace();
            if (at < text.length && text[at] == ',') {
                at++;
            } else if (at < text.length && text[at] == '}') {
                at++;
                depth--;
                return table;
            } else {
                throw error("comma or object end", describeToken());
            }
        }
    }

    private LuaValue array() {
        enter();
        at++;
        LuaTable table = new LuaTable();
        skipSpace();
        if (at < text.length && text[at] == ']') {
            at++;
            depth--;
            return table;
        }
        for (int i = 1; ; i++) {
            table.rawset(i, value());
            skipSpace();
            if (at < text.length && text[at] == ',') {
                at++;
            } else if (at < text.length && text[at] == ']') {
                at++;
                depth--;
                return table;
            } else {
                throw error("comma or array end", describeToken());
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new LuaError("Found too many nested data structures (" + depth + ") at character " + (at + 1));
        }
    }

    private byte[] string() {
        int start = at;
        at++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (at >= text.length) {
                at = start;
                throw error("value", "invalid token");
            }
            byte c = text[at++];
            if (c == '"') {
                return out.toByteArray();
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (at >= text.length) {
                at = start;
                throw error("value", "invalid token");
            }
            byte escaped = text[at++];
            switch (escaped) {
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'u' -> unicode(out, start);
                default -> out.write(escaped);
            }
        }
    }

    private void unicode(ByteArrayOutputStream out, int start) {
        int code = hex4(start);
        if (code >= 0xD800 && code <= 0xDBFF && at + 6 <= text.length && text[at] == '\\' && text[at + 1] == 'u') {
            at += 2;
            int low = hex4(start);
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        }
        out.writeBytes(new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8));
    }

    private int hex4(int start) {
        if (at + 4 > text.length) {
            at = start;
            throw error("value", "invalid token");
        }
        try {
            int code = Integer.parseInt(new String(text, at, 4, StandardCharsets.US_ASCII), 16);
            at += 4;
            return code;
        } catch (NumberFormatException notHex) {
            at = start;
            throw error("value", "invalid token");
        }
    }

    private LuaValue number() {
        int start = at;
        while (at < text.length && "+-0123456789.eE".indexOf(text[at]) >= 0) {
            at++;
        }
        try {
            return LuaValue.valueOf(Double.parseDouble(new String(text, start, at - start, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException notANumber) {
            at = start;
            throw error("value", "invalid number");
        }
    }

    private LuaValue literal(String word, LuaValue value) {
        byte[] expected = word.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < expected.length; i++) {
            if (at + i >= text.length || text[at + i] != expected[i]) {
                throw error("value", "invalid token");
            }
        }
        at += expected.length;
        return value;
    }

    private String describeToken() {
        if (at >= text.length) {
            return "T_END";
        }
        return switch (text[at]) {
            case '{' -> "T_OBJ_BEGIN";
            case '}' -> "T_OBJ_END";
            case '[' -> "T_ARR_BEGIN";
            case ']' -> "T_ARR_END";
            case ',' -> "T_COMMA";
            case ':' -> "T_COLON";
            case '"' -> "T_STRING";
            case 't', 'f' -> "T_BOOLEAN";
            case 'n' -> "T_NULL";
            default -> text[at] == '-' || text[at] >= '0' && text[at] <= '9' ? "T_NUMBER" : "invalid token";
        };
    }

    private LuaError error(String expected, String found) {
        return new LuaError("Expected " + expected + " but found " + found + " at character " + (at + 1));
    }

    private void skipSpace() {
        while (at < text.length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) {
            at++;
        }
    }
}
