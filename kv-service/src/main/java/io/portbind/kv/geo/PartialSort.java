package io.portbind.kv.geo;

import java.util.Comparator;
import java.util.List;

/**
 * Redis's pqsort: the Bentley-McIlroy quicksort (NetBSD's qsort) that only recurses into the parts overlapping
 * the wanted range. Searches with COUNT sort with it, and it is not stable, so members at equal distances come
 * out in Redis's order only if they are sorted the same way, step by step.
 */
final class PartialSort<T> {

    private static final int INSERTION_SORT_BELOW = 7;
    private static final int MEDIAN_OF_NINE_ABOVE = 40;

    private final List<T> items;
    private final Comparator<? super T> order;
    private final int wantedFirst;
    private final int wantedLast;

    private PartialSort(List<T> items, Comparator<? super T> order, int wantedFirst, int wantedLast) {
        this.items = items;
        this.order = order;
        this.wantedFirst = wantedFirst;
        this.wantedLast = wantedLast;
    }

    /** Sorts {@code items} enough that positions {@code first} to {@code last} hold what a full sort puts there. */
    static <T> void sort(List<T> items, Comparator<? super T> order, int first, int last) {
        new PartialSort<>(items, order, first, last).sort(0, items.size());
    }

    private void sort(int base, int n) {
        while (true) {
            if (n < INSERTION_SORT_BELOW) {
                insertionSort(base, n);
                return;
            }
            int pm = base + n / 2;
            if (n > INSERTION_SORT_BELOW) {
                int pl = base;
                int pn = base + n - 1;
                if (n > MEDIAN_OF_NINE_ABOVE) {
                    int d = n / 8;
                    pl = median(pl, pl + d, pl + 2 * d);
                    pm = median(pm - d, pm, pm + d);
                    pn = median(pn - 2 * d, pn - d, pn);
                }
                pm = median(pl, pm, pn);
            }
            swap(base, pm);
            int pa = base + 1;
            int pb = pa;
            int pc = base + n - 1;
            int pd = pc;
            boolean swapped = false;
            while (true) {
                int c;
                while (pb <= pc && (c = compare(pb, base)) <= 0) {
                    if (c == 0) {
                        swapped = true;
                        swap(pa++, pb);
                    }
                    pb++;
                }
                while (pb <= pc && (c = compare(pc, base)) >= 0) {
                    if (c == 0) {
                        swapped = true;
                        swap(pc, pd--);
                    }
                    pc--;
                }
                if (pb > pc) {
                    break;
                }
                swap(pb++, pc--);
                swapped = true;
            }
            if (!swapped) {
                insertionSort(base, n);
                return;
            }
            int end = base + n;
            int r = Math.min(pa - base, pb - pa);
            swapRuns(base, pb - r, r);
            r = Math.min(pd - pc, end - pd - 1);
            swapRuns(pb, end - r, r);
            r = pb - pa;
            if (r > 1 && overlapsWanted(base, r)) {
                sort(base, r);
            }
            r = pd - pc;
            if (r <= 1) {
                return;
            }
            base = end - r;
            n = r;
            if (!overlapsWanted(base, n)) {
                return;
            }
        }
    }

    private boolean overlapsWanted(int from, int length) {
        int last = from + length - 1;
        return !(wantedFirst < from && wantedLast < from || wantedFirst > last && wantedLast > last);
    }

    private void insertionSort(int base, int n) {
        for (int pm = base + 1; pm < base + n; pm++) {
            for (int pl = pm; pl > base && compare(pl - 1, pl) > 0; pl--) {
                swap(pl, pl - 1);
            }
        }
    }

    private int median(int a, int b, int c) {
        return compare(a, b) < 0
                ? (compare(b, c) < 0 ? b : (compare(a, c) < 0 ? c : a))
                : (compare(b, c) > 0 ? b : (compare(a, c) < 0 ? a : c));
    }

    private void swapRuns(int a, int b, int length) {
        for (int i = 0; i < length; i++) {
            swap(a + i, b + i);
        }
    }

    private int compare(int a, int b) {
        return order.compare(items.get(a), items.get(b));
    }

    private void swap(int a, int b) {
        T item = items.get(a);
        items.set(a, items.get(b));
        items.set(b, item);
    }
}
