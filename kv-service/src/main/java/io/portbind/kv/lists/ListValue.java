package io.portbind.kv.lists;

import io.portbind.kv.keyspace.CollectionValue;
import io.portbind.kv.keyspace.MemoryEstimate;
import io.portbind.kv.keyspace.ValueType;
import java.util.Arrays;

/**
 * A list: a growable circular array of elements, so pushes and pops at both ends are O(1) and an
 * index is one array access (LINDEX, LRANGE, LSET). The capacity is a power of two; it halves when
 * the list falls to a quarter, so a drained list gives its memory back.
 */
public final class ListValue extends CollectionValue {


    private static final int MIN_CAPACITY = 4;

    private byte[][] items;
    private int head;
    private int size;
    /** The heap bytes of every element array, kept as elements come and go. */
    private long elementBytes;

    public ListValue() {
        items = new byte[MIN_CAPACITY][];
    }

    private ListValue(byte[][] items, int size, long elementBytes) {
        this.items = items;
        this.size = size;
        this.elementBytes = elementBytes;
    }

    @Override
    public long memoryUsage() {
        return MemoryEstimate.object(1, Integer.BYTES * 2 + Long.BYTES * 2) + MemoryEstimate.references(items.length)
                + elementBytes;
    }

    @Override
    public ValueType type() {
        return ValueType.LIST;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public ListValue copy() {
        byte[][] copied = new byte[items.length][];
        for (int i = 0; i < size; i++) {
            byte[] element = get(i);
            copied[i] = Arrays.copyOf(element, element.length);
        }
        return new ListValue(copied, size, elementBytes);
    }

    /** Redis 7.0 keeps every list in a quicklist (the listpack encoding for small lists came in 7.2). */

    @Override
    public String encoding() {
        return "quicklist";
    }

    public int size() {
        return size;
    }

    /** The element at {@code index}, 0 being the head; the caller keeps it within the size. */
    public byte[] get(int index) {
        return items[(head + index) & (items.length - 1)];
    }

    public void set(int index, byte[] element) {
        int slot = (head + index) & (items.length - 1);
        elementBytes += MemoryEstimate.bytes(element) - MemoryEstimate.bytes(items[slot]);
        items[slot] = element;
    }

    void addFirst(byte[] element) {
        grow();
        head = (head - 1) & (items.length - 1);
        items[head] = element;
        size++;
        elementBytes += MemoryEstimate.bytes(element);
    }

    public void addLast(byte[] element) {
        grow();
        items[(head + size) & (items.length - 1)] = element;
        size++;
        elementBytes += MemoryEstimate.bytes(element);
    }

    /** Adds {@code element} at {@code end}: before the first element for HEAD, after the last for TAIL. */
    void add(End end, byte[] element) {
        if (end == End.HEAD) {
            addFirst(element);
        } else {
            addLast(element);
        }
    }

    byte[] removeFirst() {
        byte[] element = items[head];
        items[head] = null;
        head = (head + 1) & (items.length - 1);
        size--;
        elementBytes -= MemoryEstimate.bytes(element);
        shrink();
        return element;
    }

    byte[] removeLast() {
        int last = (head + size - 1) & (items.length - 1);
        byte[] element = items[last];
        items[last] = null;
        size--;
        elementBytes -= MemoryEstimate.bytes(element);
        shrink();
        return element;
    }

    /** Removes and returns the element at {@code end}; the list must not be empty. */
    byte[] remove(End end) {
        return end == End.HEAD ? removeFirst() : removeLast();
    }

    /** Inserts {@code element} so that it ends up at {@code index} (0 to size), shifting the later ones. */
    void insert(int index, byte[] element) {
        addLast(element);
        for (int i = size - 1; i > index; i--) {
            set(i, get(i - 1));
        }
        set(index, element);
    }

    /** Keeps only the elements from {@code from} to {@code to} inclusive (LTRIM); an empty range empties the list. */
    void retain(int from, int to) {
        int kept = Math.max(0, to - from + 1);
        byte[][] fresh = new byte[capacityFor(kept)][];
        for (int i = 0; i < kept; i++) {
            fresh[i] = get(from + i);
        }
        replace(fresh, kept);
    }

    /**
     * Removes up to {@code limit} elements equal to {@code element} (all when 0), searching from the head or
     * from the tail as {@code from} says (LREM). Returns how many were removed.
     */
    int removeEqual(byte[] element, long limit, End from) {
        boolean fromTail = from == End.TAIL;
        byte[][] kept = new byte[items.length][];
        int removed = 0;
        int count = 0;
        for (int n = 0; n < size; n++) {
            byte[] candidate = get(fromTail ? size - 1 - n : n);
            if ((limit == 0 || removed < limit) && Arrays.equals(candidate, element)) {
                removed++;
            } else {
                kept[count++] = candidate;
            }
        }
        if (fromTail) {
            for (int i = 0, j = count - 1; i < j; i++, j--) {
                byte[] swap = kept[i];
                kept[i] = kept[j];
                kept[j] = swap;
            }
        }
        replace(kept, count);
        shrink();
        return removed;
    }

    /** Makes the first {@code count} of {@code fresh} the list, and counts their bytes (LTRIM and LREM walk anyway). */
    private void replace(byte[][] fresh, int count) {
        items = fresh;
        head = 0;
        size = count;
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += MemoryEstimate.bytes(fresh[i]);
        }
        elementBytes = bytes;
    }

    private static int capacityFor(int count) {
        return Math.max(MIN_CAPACITY, Integer.highestOneBit(Math.max(1, count - 1)) * 2);
    }

    private void grow() {
        if (size == items.length) {
            resize(items.length * 2);
        }
    }

    private void shrink() {
        if (size < items.length / 4 && items.length > MIN_CAPACITY) {
            resize(items.length / 2);
        }
    }

    /** Moves the elements, in order, to a new array of {@code capacity}: the two runs of the ring, two copies. */
    private void resize(int capacity) {
        byte[][] fresh = new byte[capacity][];
        int headRun = Math.min(size, items.length - head);
        System.arraycopy(items, head, fresh, 0, headRun);
        System.arraycopy(items, 0, fresh, headRun, size - headRun);
        items = fresh;
        head = 0;
    }
}
