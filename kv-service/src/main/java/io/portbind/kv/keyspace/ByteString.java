package io.portbind.kv.keyspace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A binary string with value equality, for hash maps keyed by channel names, patterns or keys. */
public record ByteString(byte[] bytes) {

    @Override
    public boolean equals(Object other) {
        return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
