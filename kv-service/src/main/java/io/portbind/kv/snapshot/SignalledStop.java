package io.portbind.kv.snapshot;

import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.snapshot.Snapshots.FinalSave;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGTERM and SIGINT as Redis's {@code prepareForShutdown}: with save points set, the data set is saved first,
 * while clients go on; only a save that worked lets the process stop (what clients write meanwhile is saved once
 * more as it ends). A failed save keeps the process running with one log line, as Redis refuses to exit rather
 * than lose the writes since its last save; the next signal tries again.
 */
public final class SignalledStop {

    private static final Logger LOG = LoggerFactory.getLogger(SignalledStop.class);

    private SignalledStop() {
    }

    /** Runs {@code stop} once the data set is saved, at once when no save point is set. */
    public static void request(Keyspace keyspace, Snapshots snapshots, Runnable stop) {
        if (snapshots.schedule().isEmpty()) {
            stop.run();
            return;
        }
        LOG.info("Termination signal received: saving the final RDB snapshot before exiting");
        CompletableFuture<Boolean> saved;
        keyspace.lock();
        try {
            saved = snapshots.saveBeforeShutdown();
        } finally {
            keyspace.unlock();
        }
        saved.thenAccept(ok -> {
            if (ok) {
                snapshots.finalSave(FinalSave.IF_CHANGED);
                stop.run();
            } else {
                LOG.warn("Termination signal received but errors trying to shut down the server (the final save "
                        + "failed): still running, check the logs for more information");
            }
        });
    }
}
