package io.portbind.kv.keyspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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

    @Test
    void aScanReachesEveryKeyThatStaysWhileTheTableGrowsAndShrinks() {
        ByteKeyTable<String> table = new ByteKeyTable<>();
        Random random = new Random(7);
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            table.put(bytes("stable:" + i), "v");
            stable.add("stable:" + i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int steps = 0;
        do {
            cursor = TableScan.scan(table, cursor, 25,
                    (key, value) -> seen.add(new String(key, StandardCharsets.UTF_8)));
            // Between steps other keys come and go in waves, so the table doubles and halves several times.
            boolean growing = (steps / 40) % 2 == 0;
            for (int i = 0; i < 200; i++) {
                String churn = "churn:" + random.nextInt(20_000);
                if (growing) {
                    table.put(bytes(churn), "c");
                } else {
                    table.remove(bytes(churn));
                }
            }
            steps++;
        } while (cursor != 0 && steps < 100_000);
        assertEquals(0, cursor, "the scan finishes");
        Set<String> missed = new HashSet<>(stable);
        missed.removeAll(seen);
        assertEquals(Set.of(), missed);
    }

    @Test
    void aScanOfAnUnchangedTableVisitsEachKeyOnce() {
        ByteKeyTable<String> table = new ByteKeyTable<>();
        for (int i = 0; i < 1_000; i++) {
            table.put(bytes("k" + i), "v");
        }
        Map<String, Integer> visits = new HashMap<>();
        long cursor = 0;
        do {
            cursor = TableScan.scan(table, cursor, 10,
                    (key, value) -> visits.merge(new String(key, StandardCharsets.UTF_8), 1, Integer::sum));
        } while (cursor != 0);
        assertEquals(1_000, visits.size());
        assertTrue(visits.values().stream().allMatch(count -> count == 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
