package io.portbind.kv.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream value: Redis's node boundaries, trimming by whole nodes, and copies that share nothing mutable. */
class StreamValueTest {

    @Test
    void aNodeHoldsAHundredEntriesDeletedOnesIncluded() {
        StreamValue stream = new StreamValue();
        for (int i = 1; i <= 250; i++) {
            stream.append(new StreamId(i, 0), fields("f", "v"));
        }
        assertEquals(List.of(new StreamId(1, 0), new StreamId(101, 0), new StreamId(201, 0)),
                List.copyOf(stream.nodes().keySet()));
        assertTrue(stream.delete(new StreamId(250, 0)));
        stream.append(new StreamId(251, 0), fields("f", "v"));
        assertEquals(3, stream.nodes().size(), "the deleted entry still takes its place in the node");
    }

    @Test
    void aNodeIsClosedBeforeItsListpackReaches4096Bytes() {
        StreamValue stream = new StreamValue();
        String big = "x".repeat(1000);
        for (int i = 1; i <= 5; i++) {
            stream.append(new StreamId(i, 0), fields("f", big));
        }
        assertEquals(List.of(new StreamId(1, 0), new StreamId(5, 0)), List.copyOf(stream.nodes().keySet()));
    }

    @Test
    void approximateTrimmingDropsWholeNodesOnly() {
        StreamValue stream = new StreamValue();
        for (int i = 1; i <= 250; i++) {
            stream.append(new StreamId(i, 0), fields("f", "v"));
        }
        Trim approximately = new Trim(Trim.Strategy.MAXLEN, 120, StreamId.MIN, true, 0, 0, false, 0);
        assertEquals(100, stream.trim(approximately));
        assertEquals(150, stream.length());
        Trim exactly = new Trim(Trim.Strategy.MAXLEN, 120, StreamId.MIN, false, 0, 0, false, 0);
        assertEquals(30, stream.trim(exactly));
        assertEquals(new StreamId(131, 0), stream.firstId());
    }

    @Test
    void aCopySharesNoEntriesGroupsOrPendingEntries() {
        StreamValue original = new StreamValue();
        original.append(new StreamId(1, 0), fields("f", "v"));
        ConsumerGroup group = new ConsumerGroup(StreamId.MIN, ConsumerGroup.INVALID_ENTRIES_READ);
        original.groups().put(bytes("g"), group);
        Consumer alice = group.consumer(bytes("alice"), 0);
        PendingEntry pending = new PendingEntry(null, 0, 1);
        group.pending().put(new StreamId(1, 0), pending);
        ConsumerGroup.assign(new StreamId(1, 0), pending, alice);

        StreamValue copy = original.copy();
        copy.append(new StreamId(2, 0), fields("f", "w"));
        ConsumerGroup copied = copy.groups().get(bytes("g"));
        assertTrue(copied.acknowledge(new StreamId(1, 0)));
        copied.consumer(bytes("bob"), 0);

        assertEquals(1, original.length());
        assertEquals(1, group.pending().size());
        assertEquals(1, alice.pending().size());
        assertFalse(group.consumers().containsKey(bytes("bob")));
        assertEquals(2, copy.length());
        assertTrue(copied.pending().isEmpty());
    }

    @Test
    void theRadixTreeOfOneKeyIsTwoNodes() {
        assertEquals(2, RaxNodes.count(List.of(new StreamId(1, 1))));
        assertEquals(1, RaxNodes.count(List.of()));
    }

    private static byte[][] fields(String... texts) {
        byte[][] out = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            out[i] = bytes(texts[i]);
        }
        return out;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
