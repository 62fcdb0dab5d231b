package io.portbind.http.json;

import java.util.Collection;

/**
 * Writes one JSON object, member by member. The service only ever produces JSON (request bodies are
 * raw values, never parsed), so this small writer replaces a JSON library and keeps the jar lean.
 */
public final class JsonObject {

    private final StringBuilder text = new StringBuilder(64).append('{');

    public JsonObject put(String name, String value) {
        return member(name).quoted(value);
    }

    public JsonObject put(String name, long value) {
        member(name).text.append(value);
        return this;
    }

    public JsonObject put(String name, double value) {
        member(name).text.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    public JsonObject put(String name, boolean value) {
        member(name).text.append(value);
        return this;
    }

    /** A member whose value is absent: written as {@code null}. */
    public JsonObject putNull(String name) {
        member(name).text.append("null");
        return this;
    }

    public JsonObject put(String name, JsonObject value) {
        member(name).text.append(value.toString());
        return this;
    }

    public JsonObject putObjects(String name, Collection<JsonObject> values) {
        member(name).text.append('[');
        boolean first = true;
        for (JsonObject value : values) {
            text.append(first ? "" : ",").append(value.toString());
            first = false;
        }
        text.append(']');
        return this;
    }

    public JsonObject putStrings(String name, Collection<String> values) {
        member(name).text.append('[');
        boolean first = true;
        for (String value : values) {
            text.append(first ? "" : ",");
            quoted(value);
            first = false;
        }
        text.append(']');
        return this;
    }

    @Override
    public String toString() {
        return text + "}";
    }

    private JsonObject member(String name) {
        if (text.length() > 1) {
            text.append(',');
        }
        quoted(name).text.append(':');
        return this;
    }

    /** RFC 8259 string: quote, backslash and control characters escaped; {@code </} too, for inline safety. */
    private JsonObject quoted(String value) {
        if (value == null) {
            text.append("null");
            return this;
        }
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case '/' -> text.append(i > 0 && value.charAt(i - 1) == '<' ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
        return this;
    }
}
