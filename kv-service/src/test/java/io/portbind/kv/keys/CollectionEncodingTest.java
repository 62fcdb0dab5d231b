package io.portbind.kv.keys;

import io.portbind.kv.keyspace.EncodingLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.lists.ListValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What OBJECT ENCODING will report for lists and hashes, and that COPY's deep copies are independent. */
class CollectionEncodingTest {

    @Test
    void listsAreQuicklistsAsInRedis70() {
        ListValue list = new ListValue();
        assertEquals("quicklist", list.encoding());
        list.addLast(bytes("a"));
        assertEquals("quicklist", list.encoding());
    }

    @Test
    void hashIsListpackUpTo512ShortFields() {
        HashValue hash = new HashValue();
        for (int i = 0; i < (int) EncodingLimit.HASH_ENTRIES.get(); i++) {
            hash.put(bytes("f" + i), bytes("v"));
        }
        assertEquals("listpack", hash.encoding());
        hash.put(bytes("one more"), bytes("v"));
        assertEquals("hashtable", hash.encoding());
        assertEquals((int) EncodingLimit.HASH_ENTRIES.get() + 1, hash.size());
    }

    @Test
    void longValueMakesAHashTable() {
        HashValue hash = new HashValue();
        hash.put(bytes("f"), bytes("x".repeat((int) EncodingLimit.HASH_VALUE.get())));
        assertEquals("listpack", hash.encoding());
        hash.put(bytes("g"), bytes("x".repeat((int) EncodingLimit.HASH_VALUE.get() + 1)));
        assertEquals("hashtable", hash.encoding());
        hash.remove(bytes("g"));
        assertEquals("hashtable", hash.encoding());
        assertEquals("hashtable", hash.copy().encoding());
    }

    @Test
    void copiesAreIndependent() {
        ListValue list = new ListValue();
        list.addLast(bytes("a"));
        ListValue listCopy = list.copy();
        listCopy.set(0, bytes("b"));
        assertEquals("a", text(list.get(0)));
        HashValue hash = new HashValue();
        hash.put(bytes("f"), bytes("v"));
        HashValue hashCopy = hash.copy();
        hashCopy.put(bytes("f"), bytes("w"));
        assertEquals("v", text(hash.get(bytes("f"))));
        assertNotSame(hash.get(bytes("f")), hashCopy.get(bytes("f")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
