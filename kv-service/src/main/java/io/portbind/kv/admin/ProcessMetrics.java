package io.portbind.kv.admin;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What INFO memory and cpu report about this process. "Used memory" is the JVM's heap and non-heap
 * in use (Redis's is what its allocator handed out); the resident size and CPU times come from
 * {@code /proc} where there is one. Small reads of procfs, not blocking I/O.
 */
final class ProcessMetrics {

    private static final Path STATM = Path.of("/proc/self/statm");
    private static final Path STAT = Path.of("/proc/self/stat");
    private static final long PAGE_SIZE = 4096;
    /** USER_HZ, the unit of the CPU times in /proc/self/stat: 100 on every Linux architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessMetrics() {
    }

    /** Bytes of heap and non-heap memory in use. */
    static long usedMemory() {
        var memory = ManagementFactory.getMemoryMXBean();
        return memory.getHeapMemoryUsage().getUsed() + memory.getNonHeapMemoryUsage().getUsed();
    }

    /** The most heap memory the JVM has had in use at once, plus non-heap in use now. */
    static long peakMemory() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return Math.max(peak + ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed(), usedMemory());
    }

    /** Resident set size in bytes, or the committed JVM memory where /proc is missing. */
    static long residentMemory() {
        try {
            String[] fields = Files.readString(STATM).trim().split(" ");
            return Long.parseLong(fields[1]) * PAGE_SIZE;
        } catch (IOException | RuntimeException unavailable) {
            var memory = ManagementFactory.getMemoryMXBean();
            return memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        }
    }

    static long totalSystemMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** User and system CPU seconds of the process, as {@code {user, system}}; null where /proc is missing. */
    static double[] cpuSeconds() {
        try {
            String stat = Files.readString(STAT);
            // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new double[] {Long.parseLong(fields[11]) / TICKS_PER_SECOND,
                Long.parseLong(fields[12]) / TICKS_PER_SECOND};
        } catch (IOException | RuntimeException unavailable) {
            return null;
        }
    }

    /** Redis's bytesToHuman: {@code 512B}, {@code 1.46M}, {@code 23.54G}. */
    static String human(long bytes) {
        String units = "KMGTP";
        if (bytes < 1024) {
            return bytes + "B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (value >= 1024 && unit < units.length() - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%c", value, units.charAt(unit));
    }
}
