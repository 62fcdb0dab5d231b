package io.portbind.kv.sets;

import io.portbind.kv.keyspace.EncodingLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SetValueTest {

    @Test
    void smallIntegerSetIsAnIntsetListedInAscendingOrder() {
        SetValue set = setOf("3", "-1", "10", "3");
        assertEquals("intset", set.encoding());
        assertEquals(List.of("-1", "3", "10"), members(set));
    }

    @Test
    void nonCanonicalIntegersAndStringsMakeAHashtable() {
        for (String member : List.of("01", "-0", "+1", "1 ", "a", "9223372036854775808")) {
            assertEquals("hashtable", setOf("1", member).encoding(), member);
        }
    }

    @Test
    void moreThan512IntegersMakeAHashtable() {
        SetValue set = new SetValue();
        for (int i = 0; i < (int) EncodingLimit.SET_INTSET_ENTRIES.get(); i++) {
            set.add(bytes(Integer.toString(i)));
        }
        assertEquals("intset", set.encoding());
        set.add(bytes("100000"));
        assertEquals("hashtable", set.encoding());
        assertEquals((int) EncodingLimit.SET_INTSET_ENTRIES.get() + 1, set.size());
        assertTrue(set.contains(bytes("511")));
    }

    @Test
    void removeFromBothEncodings() {
        SetValue ints = setOf("1", "2");
        assertTrue(ints.remove(bytes("1")));
        assertFalse(ints.remove(bytes("1")));
        assertFalse(ints.remove(bytes("x")));
        SetValue words = setOf("a", "b");
        assertTrue(words.remove(bytes("a")));
        assertEquals(List.of("b"), members(words));
    }

    @Test
    void copyIsIndependent() {
        SetValue original = setOf("a", "b");
        SetValue copy = original.copy();
        copy.add(bytes("c"));
        original.remove(bytes("a"));
        assertEquals(Set.of("b"), new HashSet<>(members(original)));
        assertEquals(Set.of("a", "b", "c"), new HashSet<>(members(copy)));
        assertEquals("hashtable", copy.encoding());
    }

    @Test
    void scanVisitsEveryMemberOfABigSetOnce() {
        SetValue set = new SetValue();
        for (int i = 0; i < 1000; i++) {
            set.add(bytes("m" + i));
        }
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        do {
            cursor = set.scan(cursor, 10, member -> seen.add(new String(member, StandardCharsets.UTF_8)));
        } while (cursor != 0);
        assertEquals(1000, seen.size());
        assertEquals(1000, new HashSet<>(seen).size());
    }

    private static SetValue setOf(String... members) {
        SetValue set = new SetValue();
        for (String member : members) {
            set.add(bytes(member));
        }
        return set;
    }

    private static List<String> members(SetValue set) {
        List<String> members = new ArrayList<>();
        set.forEach(member -> members.add(new String(member, StandardCharsets.UTF_8)));
        return members;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
