package io.portbind.kv.keyspace;

/** The kinds of value a key can hold, named as {@code TYPE} answers. */
public enum ValueType {
    STRING("string"),
    LIST("list"),
    SET("set"),
    ZSET("zset"),
    HASH("hash"),
    STREAM("stream");

    private final String typeName;

    ValueType(String typeName) {
        this.typeName = typeName;
    }

    /** The name {@code TYPE} replies with. */
    public String typeName() {
        return typeName;
    }

    /** The type of a stored value: strings are plain {@code byte[]}, everything else a {@link StoredValue}. */
    public static ValueType of(Object value) {
        return value instanceof byte[] ? STRING : ((StoredValue) value).type();
    }
}
