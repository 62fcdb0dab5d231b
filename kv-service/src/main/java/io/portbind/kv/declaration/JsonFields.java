package io.portbind.kv.declaration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one JSON object of a command file, saying where in the file a field is missing or of the
 * wrong type, and refusing fields nobody read so that a misspelt field name is an error instead of a silent
 * default.
 */
final class JsonFields {

    private final JsonNode node;
    private final String where;
    private final Set<String> read = new HashSet<>();

    private JsonFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** The fields of {@code node}, which must be an object; {@code where} names it in messages. */
    static JsonFields of(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        return new JsonFields(node, where);
    }

    String where() {
        return where;
    }

    boolean has(String field) {
        return node.has(field);
    }

    String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The text of {@code field}, or null when it is absent. */
    String optionalText(String field) {
        JsonNode value = take(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return value.textValue();
    }

    int integer(String field) {
        JsonNode value = take(field);
        if (value == null) {
            throw missing(field);
        }
        if (!value.isInt()) {
            throw wrongType(field, "an integer");
        }
        return value.intValue();
    }

    /** The integer of {@code field}, or {@code absent} when it is absent. */
    int optionalInteger(String field, int absent) {
        return node.has(field) ? integer(field) : absent;
    }

    /** Whether {@code field} is true; absent means false, and {@code false} written out is allowed. */
    boolean flag(String field) {
        JsonNode value = take(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "a boolean");
        }
        return value.booleanValue();
    }

    /** The elements of the array {@code field}; empty when absent. */
    List<JsonNode> array(String field) {
        JsonNode value = take(field);
        List<JsonNode> elements = new ArrayList<>();
        if (value == null) {
            return elements;
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array");
        }
        value.elements().forEachRemaining(elements::add);
        return elements;
    }

    /** The strings of the array {@code field}, each one of {@code allowed}, without repeats; empty when absent. */
    Set<String> names(String field, List<String> allowed) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : strings(field)) {
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(where + "." + field + " has unknown name \"" + name + "\"");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException(where + "." + field + " repeats \"" + name + "\"");
            }
        }
        return names;
    }

    /** The strings of the array {@code field}, in order; empty when absent. */
    List<String> strings(String field) {
        List<String> strings = new ArrayList<>();
        for (JsonNode element : array(field)) {
            if (!element.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    /** The object {@code field} as fields of its own; it must be present. */
    JsonFields object(String field) {
        JsonNode value = take(field);
        if (value == null) {
            throw missing(field);
        }
        return of(value, where + "." + field);
    }

    /**
     * The one field of an object such as {@code {"index": {...}}}, which names a kind; its value is left for the
     * caller to read with {@link #take}.
     */
    String soleFieldName() {
        if (node.size() != 1) {
            throw new IllegalArgumentException(where + " must have exactly one field, not " + node.size());
        }
        return node.fieldNames().next();
    }

    /** The raw value of {@code field}, marked as read, or null when absent. */
    JsonNode take(String field) {
        read.add(field);
        return node.get(field);
    }

    /** Refuses any field that was not read. */
    void finish() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!read.contains(name)) {
                throw new IllegalArgumentException(where + " has unknown field \"" + name + "\"");
            }
        }
    }

    private IllegalArgumentException missing(String field) {
        return new IllegalArgumentException(where + " lacks \"" + field + "\"");
    }

    private IllegalArgumentException wrongType(String field, String expected) {
        return new IllegalArgumentException(where + "." + field + " must be " + expected);
    }
}
