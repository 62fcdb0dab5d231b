package io.portbind.kv.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteKeyTableTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
        ByteKeyTable<Integer> table = new ByteKeyTable<>();
        Map<String, Integer> expected = new HashMap<>();
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            String key = "key:" + random.nextInt(5_000);
            if (random.nextInt(3) == 0) {
                assertEquals(expected.remove(key), table.remove(bytes(key)));
            } else {
                assertEquals(expected.put(key, i), table.put(bytes(key), i));
            }
        }
        assertEquals(expected.size(), table.size());
        expected.forEach((key, value) -> assertEquals(value, table.get(bytes(key))));
        Map<String, Integer> seen = new HashMap<>();
        table.forEach((key, value) -> seen.put(new String(key, StandardCharsets.UTF_8), value));
        assertEquals(expected, seen);
    }

    @Test
    void shrinksBackAfterMassDeletion() {
        ByteKeyTable<String> table = new ByteKeyTable<>();
        for (int i = 0; i < 10_000; i++) {
            table.put(bytes("k" + i), "v");
        }
        for (int i = 0; i < 10_000; i++) {
            table.remove(bytes("k" + i));
        }
        assertEquals(0, table.size());
        assertNull(table.get(bytes("k1")));
        assertEquals(-1, table.randomSlot(new Random()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
