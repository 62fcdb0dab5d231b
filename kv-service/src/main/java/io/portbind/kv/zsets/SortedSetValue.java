package io.portbind.kv.zsets;

import io.portbind.kv.keyspace.ByteKeyTable;
import io.portbind.kv.keyspace.CollectionValue;
import io.portbind.kv.keyspace.EncodingLimit;
import io.portbind.kv.keyspace.MemoryEstimate;
import io.portbind.kv.keyspace.TableScan;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.zsets.ScoreSkipList.Bound;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A sorted set as Redis keeps its {@code skiplist} encoding: an order-statistic skip list for ranks and
 * ranges, and a hash table from member to its list node for O(1) scores. {@code OBJECT ENCODING} says
 * {@code listpack} while the set is as small as Redis 7.0 would keep it in a listpack (at most
 * {@link EncodingLimit#ZSET_ENTRIES} members of at most {@link EncodingLimit#ZSET_VALUE} bytes); like Redis, it
 * never goes back once it has grown past that.
 */
public final class SortedSetValue extends CollectionValue {



    /**
     * A skip-list node: an object of seven fields (48 bytes), and for one node in four the two arrays of its upper
     * levels (forward nodes and spans, 48 bytes or more), about 16 bytes a node on average.
     */
    private static final long NODE_BYTES = MemoryEstimate.object(5, Double.BYTES + Integer.BYTES) + 16;

    private final ScoreSkipList list = new ScoreSkipList();
    private final ByteKeyTable<Node> index = new ByteKeyTable<>();
    private boolean small = true;
    /** The heap bytes of every member array. */
    private long memberBytes;

    @Override
    public ValueType type() {
        return ValueType.ZSET;
    }

    @Override
    public boolean isEmpty() {
        return list.length() == 0;
    }

    public int size() {
        return list.length();
    }

    @Override
    public long memoryUsage() {
        return MemoryEstimate.object(2, 1 + Long.BYTES * 2) + MemoryEstimate.object(2, Integer.BYTES * 2)
                + index.memoryUsage() + (long) list.length() * NODE_BYTES + memberBytes;
    }

    @Override
    public SortedSetValue copy() {
        SortedSetValue copy = new SortedSetValue();
        for (Node node = list.first(); node != null; node = node.next()) {
            copy.put(node.member(), node.score());
        }
        copy.small = small;
        return copy;
    }


    @Override
    public String encoding() {
        return small ? "listpack" : "skiplist";
    }

    /** The node of {@code member}, or null. */
    public Node node(byte[] member) {
        return index.get(member);
    }

    /** Sets the score of {@code member}, adding it when new; true when it was added. */
    public boolean put(byte[] member, double score) {
        Node node = index.get(member);
        if (node != null) {
            update(node, score);
            return false;
        }
        insert(member, score);
        return true;
    }

    /** Gives an existing member's {@code node} a new score. */
    public void update(Node node, double score) {
        if (node.score() != score) {
            list.updateScore(node, score);
        }
    }

    /** Adds a member that is not in the set yet. */
    public void insert(byte[] member, double score) {
        index.put(member, list.insert(score, member));
        memberBytes += MemoryEstimate.bytes(member);
        if (EncodingLimit.ZSET_ENTRIES.exceededBy(list.length())
                || EncodingLimit.ZSET_VALUE.exceededBy(member.length)) {
            small = false;
        }
    }

    /** Removes {@code member}; false when it was not there. */
    public boolean remove(byte[] member) {
        Node node = index.remove(member);
        if (node == null) {
            return false;
        }
        list.delete(node.score(), node.member());
        memberBytes -= MemoryEstimate.bytes(node.member());
        return true;
    }

    /** The 0-based rank of {@code node} in ascending order. */
    public long rank(Node node) {
        return list.rank(node.score(), node.member()) - 1;
    }

    /** The node at 0-based ascending {@code rank}, or null. */
    public Node byRank(long rank) {
        return list.byRank(rank + 1);
    }

    public Node first() {
        return list.first();
    }

    public Node last() {
        return list.last();
    }

    /** The first node inside the range that {@code bounds} describe, or null when none is. */
    public Node firstIn(Bound bounds) {
        Node node = list.firstNotBelow(bounds);
        return node != null && !bounds.isAbove(node) ? node : null;
    }

    /** The last node inside the range, or null when none is. */
    public Node lastIn(Bound bounds) {
        Node node = list.lastNotAbove(bounds);
        return node != null && !bounds.isBelow(node) ? node : null;
    }

    /** How many members the range holds, from two rank lookups. */
    public long count(Bound bounds) {
        Node first = firstIn(bounds);
        return first == null ? 0 : rank(lastIn(bounds)) - rank(first) + 1;
    }

    /** A member chosen at random; the set must not be empty. */
    public Node random(RandomGenerator random) {
        return index.valueAt(index.randomSlot(random));
    }

    /**
     * Visits nodes from {@code cursor} for ZSCAN: a small set whole, in order (cursor 0 back), as Redis returns
     * a listpack, a big one bucket by bucket of the member table until about {@code count} were visited.
     * Returns the next cursor, 0 when done.
     */
    public long scan(long cursor, long count, Consumer<Node> action) {
        if (small) {
            for (Node node = first(); node != null; node = node.next()) {
                action.accept(node);
            }
            return 0;
        }
        return TableScan.scan(index, cursor, count, (member, node) -> action.accept(node));
    }
}
