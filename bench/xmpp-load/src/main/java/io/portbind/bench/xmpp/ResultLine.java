package io.portbind.bench.xmpp;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The one machine-readable line a scenario prints: {@code RESULT scenario=<name> key=value ...}.
 * Values never contain spaces, so {@code bench/chat.sh} can pick them out with a pattern.
 */
final class ResultLine {

    private final StringBuilder line = new StringBuilder("RESULT");

    ResultLine(String scenario) {
        put("scenario", scenario);
    }

    ResultLine put(String key, long value) {
        return put(key, Long.toString(value));
    }

    ResultLine put(String key, double value) {
        return put(key, String.format(Locale.ROOT, "%.2f", value));
    }

    ResultLine put(String key, String value) {
        line.append(' ').append(key).append('=').append(value == null ? "-" : value.replaceAll("\\s+", "_"));
        return this;
    }

    /** Prints the line, ending with the generator's own CPU time so that a reader can tell it was not the limit. */
    void print() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            put("client_cpu_s", os.getProcessCpuTime() / 1e9);
        }
        System.out.println(line);
        System.out.flush();
    }
}
