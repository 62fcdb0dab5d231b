package io.portbind.kv.aof;

/** What INFO persistence reports of rewrites: in progress, scheduled, how the last went and how long it took. */
final class RewriteStatus {

    private volatile boolean inProgress;
    private volatile boolean scheduled;
    private volatile long startedMillis = -1;
    private volatile long lastSeconds = -1;
    private volatile boolean lastOk = true;
    private volatile long rewrites;
    private volatile long consecutiveFailures;

    boolean inProgress() {
        return inProgress;
    }

    boolean scheduled() {
        return scheduled;
    }

    void scheduled(boolean value) {
        this.scheduled = value;
    }

    synchronized void started() {
        inProgress = true;
        scheduled = false;
        startedMillis = System.currentTimeMillis();
        rewrites++;
    }

    synchronized void finished(boolean ok) {
        if (inProgress) {
            lastSeconds = (System.currentTimeMillis() - startedMillis) / 1000;
        }
        inProgress = false;
        startedMillis = -1;
        lastOk = ok;
        consecutiveFailures = ok ? 0 : consecutiveFailures + 1;
    }

    /** {@code aof_current_rewrite_time_sec}: -1 when none runs. */
    long currentSeconds() {
        long started = startedMillis;
        return started < 0 ? -1 : (System.currentTimeMillis() - started) / 1000;
    }

    long lastSeconds() {
        return lastSeconds;
    }

    boolean lastOk() {
        return lastOk;
    }

    long rewrites() {
        return rewrites;
    }

    long consecutiveFailures() {
        return consecutiveFailures;
    }
}
