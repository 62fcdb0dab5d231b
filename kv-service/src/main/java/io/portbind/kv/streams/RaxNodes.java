package io.portbind.kv.streams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How many nodes Redis's radix tree has for a stream's node keys (XINFO's {@code radix-tree-nodes}). Keys are the
 * 16 big-endian bytes of the master ids. A rax has one node per branching point (or key end) and one compressed
 * node per run of bytes shared by every key below it, so the count follows from the keys alone.
 */
final class RaxNodes {

    private RaxNodes() {
    }

    static long count(Collection<StreamId> ids) {
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (StreamId id : ids) {
            keys.add(id.toKey());
        }
        if (keys.isEmpty()) {
            return 1; // the empty root
        }
        return below(keys, 0, keys.size(), 0);
    }

    /** Nodes for the sorted keys {@code [from, to)} that share their first {@code depth} bytes. */
    private static long below(List<byte[]> keys, int from, int to, int depth) {
        if (depth == StreamId.KEY_BYTES) {
            return 1; // the leaf that marks the key
        }
        int common = depth;
        byte[] first = keys.get(from);
        byte[] last = keys.get(to - 1);
        while (common < StreamId.KEY_BYTES && first[common] == last[common]) {
            common++;
        }
        if (common > depth) {
            return 1 + below(keys, from, to, common); // one compressed node for the shared run
        }
        long nodes = 1; // the branching node
        int start = from;
        for (int i = from + 1; i <= to; i++) {
            if (i == to || keys.get(i)[depth] != keys.get(start)[depth]) {
                nodes += below(keys, start, i, depth + 1);
                start = i;
            }
        }
        return nodes;
    }
}
