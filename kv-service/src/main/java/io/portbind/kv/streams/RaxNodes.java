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

    private static final int KEY_BYTES = 16;

    private RaxNodes() {
    }

    static long count(Collection<StreamId> ids) {
        List<byte[]> keys = new ArrayList<>(ids.size());
        for (StreamId id : ids) {
            keys.add(key(id));
        }
        if (keys.isEmpty()) {
            return 1; // the empty root
        }
        return below(keys, 0, keys.size(), 0);
    }

    /** Nodes for the sorted keys {@code [from, to)} that share their first {@code depth} bytes. */
    private static long below(List<byte[]> keys, int from, int to, int depth) {
        if (depth == KEY_BYTES) {
            return 1; // the leaf that marks the key
        }
        int common = depth;
        byte[] first = keys.get(from);
        byte[] last = keys.get(to - 1);
        while (common < KEY_BYTES && first[common] == last[common]) {
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

    private static byte[] key(StreamId id) {
        byte[] key = new byte[KEY_BYTES];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (id.ms() >>> (56 - 8 * i));
            key[8 + i] = (byte) (id.seq() >>> (56 - 8 * i));
        }
        return key;
    }
}
