package io.portbind.kv.aof;

import io.portbind.kv.table.InfoFields;
import java.util.function.BiConsumer;

/** The AOF's fields of INFO persistence, in Redis 7.0's order; the size fields only while AOF is on. */
final class AofInfo implements InfoFields {

    private final AppendOnlyFile aof;

    AofInfo(AppendOnlyFile aof) {
        this.aof = aof;
    }

    @Override
    public void write(BiConsumer<String, Object> field) {
        RewriteStatus status = aof.status;
        field.accept("aof_enabled", aof.enabled() ? 1 : 0);
        field.accept("aof_rewrite_in_progress", status.inProgress() ? 1 : 0);
        field.accept("aof_rewrite_scheduled", status.scheduled() ? 1 : 0);
        field.accept("aof_last_rewrite_time_sec", status.lastSeconds());
        field.accept("aof_current_rewrite_time_sec", status.currentSeconds());
        field.accept("aof_last_bgrewrite_status", status.lastOk() ? "ok" : "err");
        field.accept("aof_rewrites", status.rewrites());
        field.accept("aof_rewrites_consecutive_failures", status.consecutiveFailures());
        field.accept("aof_last_write_status", aof.lastWriteOk() ? "ok" : "err");
        field.accept("aof_last_cow_size", 0);
        field.accept("module_fork_in_progress", 0);
        field.accept("module_fork_last_cow_size", 0);
        if (aof.enabled()) {
            field.accept("aof_current_size", aof.currentSize());
            field.accept("aof_base_size", aof.baseSize());
            field.accept("aof_pending_rewrite", status.scheduled() ? 1 : 0);
            field.accept("aof_buffer_length", 0);
            field.accept("aof_pending_bio_fsync", 0);
            field.accept("aof_delayed_fsync", 0);
        }
    }
}
