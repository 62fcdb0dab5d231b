package io.portbind.kv.bitmaps;

import io.portbind.kv.keyspace.Keyspace;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The strings SETBIT and BITFIELD may change in place, so that setting one bit of a large bitmap costs O(1) as in
 * Redis instead of a copy of the whole string. Strings are otherwise never changed in place: snapshots share them
 * with the live tables, and SET stores an argument array as the value, which other code may still hold (the
 * propagation unit keeps each command's arguments until the outermost command ends). So only an array these
 * commands made themselves, stored under one key, is changed in place, and only while no snapshot is open; anything
 * else is copied first, and the copy is owned from then on. COPY, APPEND, SETRANGE and the rest make new arrays, never shared with an
 * owned one. Used under the keyspace lock.
 */
final class OwnedBitmaps {

    /** Identity-based (arrays do not override equals), and weak: a value deleted or replaced is forgotten. */
    private final Set<byte[]> owned = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * {@code current} itself when it may be changed in place and already holds bit {@code lastBit}, else a
     * zero-padded copy long enough for it (an empty one for a missing key), owned from now on.
     */
    byte[] writable(Keyspace keyspace, byte[] current, long lastBit) {
        if (current != null && (lastBit >>> 3) < current.length && keyspace.openSnapshots() == 0
                && owned.contains(current)) {
            return current;
        }
        byte[] copy = BitArrays.writableCopy(current, lastBit);
        owned.add(copy);
        return copy;
    }
}
