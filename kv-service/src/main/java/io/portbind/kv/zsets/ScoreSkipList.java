package io.portbind.kv.zsets;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Redis's zskiplist: members ordered by score, then by their bytes (unsigned), with a span on every
 * forward link so that rank lookups, rank-to-node lookups and range bounds are all O(log n).
 * Ranks are 1-based here, as in Redis's zsl functions; commands subtract one.
 */
public final class ScoreSkipList {

    private static final int MAX_LEVEL = 32;
    /** One node in four gets promoted to the next level (ZSKIPLIST_P). */
    private static final int PROMOTE_ONE_IN = 4;

    /**
     * One member and its score; {@link #next()} and {@link #previous()} walk the order. Level 0 lives in
     * fields and only the higher levels in arrays, so the three nodes in four that have one level are a
     * single object.
     */
    public static final class Node {
        private final byte[] member;
        private double score;
        private Node backward;
        private Node next;
        private int span;
        private final Node[] upper;
        private final int[] upperSpan;

        private Node(byte[] member, double score, int level) {
            this.member = member;
            this.score = score;
            this.upper = level > 1 ? new Node[level - 1] : null;
            this.upperSpan = level > 1 ? new int[level - 1] : null;
        }

        public byte[] member() {
            return member;
        }

        public double score() {
            return score;
        }

        /** The following node in ascending order, or null after the last. */
        public Node next() {
            return next;
        }

        /** The preceding node, or null before the first. */
        public Node previous() {
            return backward;
        }

        private int levels() {
            return upper == null ? 1 : upper.length + 1;
        }

        private Node forward(int level) {
            return level == 0 ? next : upper[level - 1];
        }

        private void forward(int level, Node node) {
            if (level == 0) {
                next = node;
            } else {
                upper[level - 1] = node;
            }
        }

        private int span(int level) {
            return level == 0 ? span : upperSpan[level - 1];
        }

        private void span(int level, int value) {
            if (level == 0) {
                span = value;
            } else {
                upperSpan[level - 1] = value;
            }
        }
    }

    private final Node header = new Node(null, 0, MAX_LEVEL);
    private Node tail;
    private int length;
    private int level = 1;

    public int length() {
        return length;
    }

    public Node first() {
        return header.forward(0);
    }

    public Node last() {
        return tail;
    }

    /** Inserts a member that is not in the list yet. */
    public Node insert(double score, byte[] member) {
        Node node = new Node(member, score, randomLevel());
        link(node);
        return node;
    }

    /** Puts {@code node} in its place by score and member, keeping the height it was given. */
    private void link(Node node) {
        double score = node.score;
        byte[] member = node.member;
        int newLevel = node.levels();
        int height = Math.max(level, newLevel);
        Node[] update = new Node[height];
        int[] rank = new int[height];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            rank[i] = i == level - 1 ? 0 : rank[i + 1];
            while (x.forward(i) != null && precedes(x.forward(i), score, member)) {
                rank[i] += x.span(i);
                x = x.forward(i);
            }
            update[i] = x;
        }
        if (newLevel > level) {
            for (int i = level; i < newLevel; i++) {
                rank[i] = 0;
                update[i] = header;
                update[i].span(i, length);
            }
            level = newLevel;
        }
        for (int i = 0; i < newLevel; i++) {
            node.forward(i, update[i].forward(i));
            update[i].forward(i, node);
            node.span(i, update[i].span(i) - (rank[0] - rank[i]));
            update[i].span(i, (rank[0] - rank[i]) + 1);
        }
        for (int i = newLevel; i < level; i++) {
            update[i].span(i, update[i].span(i) + 1);
        }
        node.backward = update[0] == header ? null : update[0];
        if (node.forward(0) != null) {
            node.forward(0).backward = node;
        } else {
            tail = node;
        }
        length++;
    }

    /** Removes the member with this score; false when it is not in the list. */
    public boolean delete(double score, byte[] member) {
        Node[] update = new Node[level];
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && precedes(x.forward(i), score, member)) {
                x = x.forward(i);
            }
            update[i] = x;
        }
        x = x.forward(0);
        if (x == null || x.score != score || !Arrays.equals(x.member, member)) {
            return false;
        }
        unlink(x, update);
        return true;
    }

    /**
     * Gives {@code node} (a node of this list) a new score: in place when its position does not change,
     * otherwise unlinked and linked again at its new position, as Redis's zslUpdateScore reuses its node.
     */
    public void updateScore(Node node, double newScore) {
        Node previous = node.backward;
        Node following = node.forward(0);
        boolean staysInPlace = (previous == null || previous.score < newScore
                || previous.score == newScore && compare(previous.member, node.member) < 0)
                && (following == null || following.score > newScore
                || following.score == newScore && compare(following.member, node.member) > 0);
        if (staysInPlace) {
            node.score = newScore;
            return;
        }
        delete(node.score, node.member);
        node.score = newScore;
        link(node);
    }

    /** The 1-based rank of the member with this score, or 0 when it is not in the list. */
    public long rank(double score, byte[] member) {
        long rank = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && (precedes(x.forward(i), score, member)
                    || x.forward(i).score == score && Arrays.equals(x.forward(i).member, member))) {
                rank += x.span(i);
                x = x.forward(i);
            }
            if (x != header && x.score == score && Arrays.equals(x.member, member)) {
                return rank;
            }
        }
        return 0;
    }

    /** The node at 1-based {@code rank}, or null when the rank is outside {@code [1, length]}. */
    public Node byRank(long rank) {
        if (rank < 1 || rank > length) {
            return null;
        }
        long traversed = 0;
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && traversed + x.span(i) <= rank) {
                traversed += x.span(i);
                x = x.forward(i);
            }
            if (traversed == rank) {
                return x;
            }
        }
        return null;
    }

    /** The first node whose position is not below {@code bound} (see {@link Bound}), or null. */
    public Node firstNotBelow(Bound bound) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && bound.isBelow(x.forward(i))) {
                x = x.forward(i);
            }
        }
        return x.forward(0);
    }

    /** The last node whose position is not above {@code bound}, or null. */
    public Node lastNotAbove(Bound bound) {
        Node x = header;
        for (int i = level - 1; i >= 0; i--) {
            while (x.forward(i) != null && !bound.isAbove(x.forward(i))) {
                x = x.forward(i);
            }
        }
        return x == header ? null : x;
    }

    /** A lower or upper limit of a score or lex range, tested against nodes in list order. */
    public interface Bound {
        /** Whether {@code node} comes before the range this bound opens. */
        boolean isBelow(Node node);

        /** Whether {@code node} comes after the range this bound closes. */
        boolean isAbove(Node node);
    }

    private void unlink(Node x, Node[] update) {
        for (int i = 0; i < level; i++) {
            if (update[i].forward(i) == x) {
                update[i].span(i, update[i].span(i) + x.span(i) - 1);
                update[i].forward(i, x.forward(i));
            } else {
                update[i].span(i, update[i].span(i) - 1);
            }
        }
        if (x.forward(0) != null) {
            x.forward(0).backward = x.backward;
        } else {
            tail = x.backward;
        }
        while (level > 1 && header.forward(level - 1) == null) {
            level--;
        }
        length--;
    }

    /** Whether {@code node} sorts before the (score, member) position. */
    private static boolean precedes(Node node, double score, byte[] member) {
        return node.score < score || node.score == score && compare(node.member, member) < 0;
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }

    private static int randomLevel() {
        int level = 1;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (level < MAX_LEVEL && random.nextInt(PROMOTE_ONE_IN) == 0) {
            level++;
        }
        return level;
    }
}
