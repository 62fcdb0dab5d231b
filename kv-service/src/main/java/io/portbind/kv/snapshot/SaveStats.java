package io.portbind.kv.snapshot;

/**
 * What INFO persistence and LASTSAVE report about saves, as Redis keeps it in {@code server.lastsave},
 * {@code lastbgsave_status}, {@code rdb_save_time_last} and friends. Written by the thread that saves or loads,
 * read by any command: every field is volatile.
 */
public final class SaveStats {

    private volatile long lastSaveSeconds;
    private volatile boolean lastBackgroundSaveOk = true;
    private volatile long lastBackgroundSaveSeconds = -1;
    private volatile long lastBackgroundTryMillis;
    private volatile long saves;
    private volatile long lastLoadKeysLoaded;
    private volatile long lastLoadKeysExpired;

    /** At start Redis counts the data as saved: LASTSAVE is the start time until the first save. */
    SaveStats(long startMillis) {
        this.lastSaveSeconds = startMillis / 1000;
    }

    /** Unix time in seconds of the last successful save (LASTSAVE, {@code rdb_last_save_time}). */
    public long lastSaveSeconds() {
        return lastSaveSeconds;
    }

    /** {@code rdb_last_bgsave_status}: whether the last background save worked. */
    public boolean lastBackgroundSaveOk() {
        return lastBackgroundSaveOk;
    }

    /** {@code rdb_last_bgsave_time_sec}: how long the last background save took, -1 before the first. */
    public long lastBackgroundSaveSeconds() {
        return lastBackgroundSaveSeconds;
    }

    /** {@code rdb_saves}: saves started, SAVE and background ones alike. */
    public long saves() {
        return saves;
    }

    public long lastLoadKeysLoaded() {
        return lastLoadKeysLoaded;
    }

    public long lastLoadKeysExpired() {
        return lastLoadKeysExpired;
    }

    long lastBackgroundTryMillis() {
        return lastBackgroundTryMillis;
    }

    synchronized void started(boolean background, long nowMillis) {
        saves++;
        if (background) {
            lastBackgroundTryMillis = nowMillis;
        }
    }

    void saved(long nowMillis) {
        lastSaveSeconds = nowMillis / 1000;
    }

    void backgroundFinished(boolean ok, long seconds) {
        lastBackgroundSaveOk = ok;
        lastBackgroundSaveSeconds = seconds;
    }

    void loaded(long keys, long expired) {
        lastLoadKeysLoaded = keys;
        lastLoadKeysExpired = expired;
    }
}
