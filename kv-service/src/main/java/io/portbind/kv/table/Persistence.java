package io.portbind.kv.table;

/**
 * What the dispatcher and the server commands ask of persistence, which the snapshot and AOF features provide
 * ({@code server/KvServer} wires them): whether writes are refused because data cannot reach the disk, and the
 * save Redis makes after FLUSHALL.
 */
public interface Persistence {

    /** Nothing persisted: no refusal, nothing to save. */
    Persistence NONE = new Persistence() {
        @Override
        public String diskError() {
            return null;
        }

        @Override
        public void allFlushed() {
        }
    };

    /**
     * The {@code -MISCONF} error that refuses writes (and PING) now, or null: Redis's
     * {@code writeCommandsDeniedByDiskError}, after a failed background save while save points are configured
     * and {@code stop-writes-on-bgsave-error} is on, or while the AOF cannot be written.
     */
    String diskError();

    /**
     * Under the lock, once FLUSHALL emptied every database: with save points configured, Redis saves the empty
     * data set at once (cancelling a background save), so that a restart does not bring the old keys back.
     */
    void allFlushed();
}
