package io.portbind.http.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics in the Prometheus text exposition format (version 0.0.4). Written by hand:
 * a handful of metric families do not justify a client library and its transitive jars, and the format is
 * a few lines of text per series.
 */
public final class Metrics {

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final Map<String, RouteMetrics> routes = new ConcurrentHashMap<>();
    private final AtomicLong openConnections = new AtomicLong();

    /** Counts one answered request under its route pattern (never the raw path, to bound the label set). */
    public void record(String route, int status, long nanos) {
        RouteMetrics metrics = routes.get(route);
        if (metrics == null) {
            metrics = routes.computeIfAbsent(route, r -> new RouteMetrics());
        }
        metrics.record(status, nanos);
    }

    public void connectionOpened() {
        openConnections.incrementAndGet();
    }

    public void connectionClosed() {
        openConnections.decrementAndGet();
    }

    public long openConnections() {
        return openConnections.get();
    }

    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        Map<String, RouteMetrics> sorted = new TreeMap<>(routes);
        family(out, "http_server_requests_total", "counter", "HTTP requests answered, by route pattern and status.");
        sorted.forEach((route, metrics) -> {
            for (int status = 0; status < RouteMetrics.STATUS_CODES; status++) {
                long requests = metrics.requests(status);
                if (requests > 0) {
                    out.append("http_server_requests_total{route=\"").append(escape(route)).append("\",status=\"")
                            .append(status).append("\"} ").append(requests).append('\n');
                }
            }
        });
        family(out, "http_server_request_duration_seconds", "histogram",
                "Time from a request's arrival to its response being written, by route pattern.");
        sorted.forEach((route, metrics) -> histogram(out, escape(route), metrics));
        family(out, "http_server_open_connections", "gauge", "Client connections currently open.");
        out.append("http_server_open_connections ").append(openConnections.get()).append('\n');
        memory(out);
        return out.toString();
    }

    private static void histogram(StringBuilder out, String route, RouteMetrics metrics) {
        String name = "http_server_request_duration_seconds";
        long cumulative = 0;
        for (int i = 0; i < RouteMetrics.BUCKET_LABELS.length; i++) {
            cumulative += metrics.bucket(i);
            out.append(name).append("_bucket{route=\"").append(route).append("\",le=\"")
                    .append(RouteMetrics.BUCKET_LABELS[i]).append("\"} ").append(cumulative).append('\n');
        }
        cumulative += metrics.bucket(RouteMetrics.BUCKET_LABELS.length);
        out.append(name).append("_bucket{route=\"").append(route).append("\",le=\"+Inf\"} ").append(cumulative)
                .append('\n');
        out.append(name).append("_sum{route=\"").append(route).append("\"} ").append(metrics.sumSeconds())
                .append('\n');
        out.append(name).append("_count{route=\"").append(route).append("\"} ").append(cumulative).append('\n');
    }

    private static void memory(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        family(out, "jvm_memory_used_bytes", "gauge", "JVM memory in use, by area.");
        out.append("jvm_memory_used_bytes{area=\"heap\"} ").append(heap.getUsed()).append('\n');
        out.append("jvm_memory_used_bytes{area=\"nonheap\"} ").append(nonHeap.getUsed()).append('\n');
        family(out, "jvm_memory_committed_bytes", "gauge", "JVM memory committed by the operating system, by area.");
        out.append("jvm_memory_committed_bytes{area=\"heap\"} ").append(heap.getCommitted()).append('\n');
        out.append("jvm_memory_committed_bytes{area=\"nonheap\"} ").append(nonHeap.getCommitted()).append('\n');
        family(out, "jvm_memory_max_bytes", "gauge", "Most heap memory the JVM may use.");
        out.append("jvm_memory_max_bytes{area=\"heap\"} ").append(heap.getMax()).append('\n');
    }

    private static void family(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Label values escape backslash, quote and newline. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
