package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.EncodingLimit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The skip list with spans against a plain sorted list, after many random inserts, updates and deletes. */
class SortedSetValueTest {

    private static final Comparator<Map.Entry<String, Double>> ORDER =
            Comparator.<Map.Entry<String, Double>>comparingDouble(Map.Entry::getValue)
                    .thenComparing(entry -> bytes(entry.getKey()), Arrays::compareUnsigned);

    @Test
    void ranksAndNodesByRankMatchASortedReferenceAfterRandomChanges() {
        Random random = new Random(42);
        SortedSetValue zset = new SortedSetValue();
        Map<String, Double> reference = new HashMap<>();
        for (int step = 0; step < 20_000; step++) {
            String member = "m" + random.nextInt(2_000);
            if (random.nextInt(3) == 0) {
                assertEquals(reference.remove(member) != null, zset.remove(bytes(member)));
            } else {
                double score = random.nextInt(50);
                assertEquals(!reference.containsKey(member), zset.put(bytes(member), score));
                reference.put(member, score);
            }
            if (step % 1_000 == 0) {
                assertSameOrder(reference, zset);
            }
        }
        assertSameOrder(reference, zset);
    }

    @Test
    void equalScoresAreOrderedByUnsignedBytes() {
        SortedSetValue zset = new SortedSetValue();
        zset.put(new byte[] {(byte) 0xff}, 1);
        zset.put(bytes("b"), 1);
        zset.put(bytes("a"), 1);
        zset.put(bytes("z"), 0);
        assertEquals(List.of("z", "a", "b", "\u00ff"), members(zset));
    }

    @Test
    void updatingAScoreMovesTheMember() {
        SortedSetValue zset = new SortedSetValue();
        zset.put(bytes("a"), 1);
        zset.put(bytes("b"), 2);
        zset.put(bytes("c"), 3);
        zset.put(bytes("a"), 10);
        assertEquals(List.of("b", "c", "a"), members(zset));
        assertEquals(2, zset.rank(zset.node(bytes("a"))));
        zset.put(bytes("a"), 2.5);
        assertEquals(List.of("b", "a", "c"), members(zset));
        assertEquals(1, zset.rank(zset.node(bytes("a"))));
    }

    @Test
    void rangeBoundsFindTheFirstAndLastNodeInside() {
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < 100; i++) {
            zset.put(bytes("m" + i), i);
        }
        Bound tenToTwenty = scores(10, 20);
        assertEquals(10.0, zset.firstIn(tenToTwenty).score());
        assertEquals(20.0, zset.lastIn(tenToTwenty).score());
        assertEquals(11, zset.count(tenToTwenty));
        assertNull(zset.firstIn(scores(200, 300)));
        assertNull(zset.lastIn(scores(20, 10)));
        assertEquals(0, zset.count(scores(20.5, 20.7)));
    }

    @Test
    void encodingFollowsRedisListpackLimitsAndNeverGoesBack() {
        SortedSetValue zset = new SortedSetValue();
        for (int i = 0; i < (int) EncodingLimit.ZSET_ENTRIES.get(); i++) {
            zset.put(bytes("m" + i), i);
        }
        assertEquals("listpack", zset.encoding());
        zset.put(bytes("one more"), 0);
        assertEquals("skiplist", zset.encoding());
        zset.remove(bytes("one more"));
        assertEquals("skiplist", zset.encoding());
        SortedSetValue longMember = new SortedSetValue();
        longMember.put(new byte[(int) EncodingLimit.ZSET_VALUE.get() + 1], 1);
        assertEquals("skiplist", longMember.encoding());
    }

    @Test
    void copyIsIndependent() {
        SortedSetValue original = new SortedSetValue();
        original.put(bytes("a"), 1);
        SortedSetValue copy = original.copy();
        copy.put(bytes("a"), 5);
        copy.put(bytes("b"), 2);
        assertEquals(1.0, original.node(bytes("a")).score());
        assertFalse(original.remove(bytes("b")));
        assertTrue(copy.remove(bytes("b")));
    }

    private static void assertSameOrder(Map<String, Double> reference, SortedSetValue zset) {
        List<Map.Entry<String, Double>> sorted = new ArrayList<>(reference.entrySet());
        sorted.sort(ORDER);
        assertEquals(sorted.size(), zset.size());
        for (int rank = 0; rank < sorted.size(); rank++) {
            Map.Entry<String, Double> expected = sorted.get(rank);
            Node node = zset.byRank(rank);
            assertEquals(expected.getKey(), new String(node.member(), StandardCharsets.ISO_8859_1));
            assertEquals(expected.getValue(), node.score());
            assertEquals(rank, zset.rank(zset.node(bytes(expected.getKey()))));
        }
        assertNull(zset.byRank(sorted.size()));
        List<String> backwards = new ArrayList<>();
        for (Node node = zset.last(); node != null; node = node.previous()) {
            backwards.add(new String(node.member(), StandardCharsets.ISO_8859_1));
        }
        assertEquals(sorted.size(), backwards.size());
        for (int i = 0; i < backwards.size(); i++) {
            assertEquals(sorted.get(sorted.size() - 1 - i).getKey(), backwards.get(i));
        }
    }

    private static Bound scores(double min, double max) {
        return new Bound() {
            @Override
            public boolean isBelow(Node node) {
                return node.score() < min;
            }

            @Override
            public boolean isAbove(Node node) {
                return node.score() > max;
            }
        };
    }

    private static List<String> members(SortedSetValue zset) {
        List<String> members = new ArrayList<>();
        for (Node node = zset.first(); node != null; node = node.next()) {
            members.add(new String(node.member(), StandardCharsets.ISO_8859_1));
        }
        return members;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
