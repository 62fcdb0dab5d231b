package io.portbind.kv.keyspace;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the JVM allocates for the shapes the keyspace is made of, so that the per-key memory estimate (INFO's
 * {@code used_memory}, what {@code maxmemory} limits) follows the heap rather than the payload alone. HotSpot's
 * layout on a 64-bit JVM: a 12-byte object header, a 16-byte array header, references of 4 bytes while
 * compressed oops are on (heaps under 32 GB, the default) and 8 bytes otherwise, everything padded to 8 bytes.
 * Under G1 an array of half a region or more is "humongous" and takes whole regions of its own (a big key table or
 * a value of a megabyte), so arrays are rounded up to that. {@code MemoryEstimateTest} checks the sum against the
 * heap used after a full GC.
 */
public final class MemoryEstimate {

    /** Bytes of an object header (mark word and compressed class pointer). */
    public static final int OBJECT_HEADER = 12;
    /** Bytes of an array header: the object header and the length. */
    public static final int ARRAY_HEADER = 16;
    /** Bytes of one reference field or array element. */
    public static final int REFERENCE = "true".equals(vmOption("UseCompressedOops", "true")) ? 4 : 8;
    /** G1's region size, or 0 under another collector. */
    private static final long REGION = "true".equals(vmOption("UseG1GC", "false"))
            ? Long.parseLong(vmOption("G1HeapRegionSize", "0")) : 0;
    /** A boxed {@code Long}, as the expiry table stores each time. */
    public static final long BOXED_LONG = align(OBJECT_HEADER + Long.BYTES);

    private MemoryEstimate() {
    }

    /** A {@code byte[]} holding {@code bytes}: a string value, a key, a member. */
    public static long bytes(byte[] bytes) {
        return array(bytes.length);
    }

    /** An array of {@code length} references. */
    public static long references(int length) {
        return array((long) length * REFERENCE);
    }

    /** An {@code int[length]}. */
    public static long ints(int length) {
        return array((long) length * Integer.BYTES);
    }

    /** A {@code long[length]}. */
    public static long longs(int length) {
        return array((long) length * Long.BYTES);
    }

    /** An array of {@code payload} bytes of elements: its header, padding and, when humongous, whole regions. */
    private static long array(long payload) {
        long size = align(ARRAY_HEADER + payload);
        if (REGION > 0 && size >= REGION / 2) {
            return (size + REGION - 1) / REGION * REGION;
        }
        return size;
    }

    /** An object with {@code references} reference fields and {@code primitiveBytes} bytes of primitive fields. */
    public static long object(int references, int primitiveBytes) {
        return align(OBJECT_HEADER + (long) references * REFERENCE + primitiveBytes);
    }

    /** {@code size} rounded up to the JVM's 8-byte object alignment. */
    public static long align(long size) {
        return (size + 7) & ~7L;
    }

    /** A HotSpot flag's value, or {@code otherwise} on a JVM without it. */
    private static String vmOption(String name, String otherwise) {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? otherwise : hotSpot.getVMOption(name).getValue();
        } catch (IllegalArgumentException | UnsupportedOperationException notHotSpot) {
            return otherwise;
        }
    }
}
