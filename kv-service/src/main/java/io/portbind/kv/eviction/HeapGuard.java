package io.portbind.kv.eviction;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Keeps the JVM from dying of {@code OutOfMemoryError} when clients store more than the heap holds, whatever
 * maxmemory says. The rule: the heap is <em>nearly exhausted</em> while the heap in use right after the last
 * garbage collection (live data plus garbage not yet reclaimed) exceeds the maximum heap less a reserve of a fifth
 * of it, at least 16 MB; then writes get the OOM error as if over maxmemory. The figure is taken from the
 * collector's own notification after each collection, so checking it before a command is one volatile read.
 * Because a young collection leaves old garbage counted, a refusal asks for a full collection (at most one every
 * {@value #CONFIRM_INTERVAL_MILLIS} ms, on its own thread), which clears the state once deletions made room.
 * One per JVM: the heap is the process's.
 */
final class HeapGuard {

    static final HeapGuard INSTANCE = new HeapGuard(Runtime.getRuntime().maxMemory());

    private static final long MIN_RESERVE = 16L << 20;
    private static final long CONFIRM_INTERVAL_MILLIS = 1000;

    private final long limit;
    private final Set<String> heapPools;
    private final AtomicBoolean confirming = new AtomicBoolean();
    private volatile boolean nearlyExhausted;
    private volatile long lastConfirmMillis;

    HeapGuard(long maxHeap) {
        this.limit = maxHeap == Long.MAX_VALUE ? Long.MAX_VALUE : maxHeap - reserve(maxHeap);
        this.heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                .collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        collected(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo().getMemoryUsageAfterGc());
                    }
                }, null, null);
            }
        }
    }

    /** The heap in use after a collection above which writes are refused. */
    long limit() {
        return limit;
    }

    /** Whether the heap is nearly exhausted; when it is, a full collection is requested to confirm. */
    boolean nearlyExhausted() {
        if (!nearlyExhausted) {
            return false;
        }
        confirm();
        return true;
    }

    /** Takes the heap pools' usage after a collection. */
    void collected(Map<String, MemoryUsage> afterCollection) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterCollection.entrySet()) {
            if (heapPools.contains(pool.getKey())) {
                used += pool.getValue().getUsed();
            }
        }
        nearlyExhausted = used > limit;
    }

    private void confirm() {
        long now = System.currentTimeMillis();
        if (now - lastConfirmMillis < CONFIRM_INTERVAL_MILLIS || !confirming.compareAndSet(false, true)) {
            return;
        }
        lastConfirmMillis = now;
        Thread collector = new Thread(() -> {
            try {
                System.gc();
            } finally {
                confirming.set(false);
            }
        }, "kv-heap-guard");
        collector.setDaemon(true);
        collector.start();
    }

    private static long reserve(long maxHeap) {
        long reserve = Math.max(maxHeap / 5, MIN_RESERVE);
        return reserve >= maxHeap ? maxHeap / 2 : reserve;
    }
}
