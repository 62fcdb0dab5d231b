package io.portbind.kv.admin;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.snapshot.Snapshots;
import io.portbind.kv.snapshot.Snapshots.FinalSave;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT], as Redis 7.0's {@code shutdownCommand} and
 * {@code finishShutdown}: a background save is cancelled; with a save point configured (unless NOSAVE) or with
 * SAVE, the snapshot is saved first, and a failed save refuses to stop (the client gets
 * {@value #FAILED_TEXT}) unless FORCE says to exit anyway. Then the process stops the way SIGTERM does (listener
 * closed, connections drained, exit status 0), and the client that asked gets no reply: its connection closes as
 * the server goes. The client is parked while the saving thread writes, so other clients go on meanwhile; what they
 * write before the stop is saved once more as the process ends. There are no replicas to wait for, so NOW changes
 * nothing and no shutdown is ever left pending: ABORT has nothing to cancel.
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    private static final String FAILED_TEXT = "ERR Errors trying to SHUTDOWN. Check logs.";
    private static final CommandError FAILED = new CommandError(FAILED_TEXT);

    private Shutdown() {
    }

    static void shutdown(Call call) {
        boolean save = false;
        boolean noSave = false;
        boolean force = false;
        boolean abort = false;
        for (int i = 1; i < call.argCount(); i++) {
            if (call.is(i, "nosave")) {
                noSave = true;
            } else if (call.is(i, "save")) {
                save = true;
            } else if (call.is(i, "force")) {
                force = true;
            } else if (call.is(i, "abort")) {
                abort = true;
            } else if (!call.is(i, "now")) {
                throw CommandError.SYNTAX;
            }
        }
        if (abort && call.argCount() > 2 || save && noSave) {
            throw CommandError.SYNTAX;
        }
        if (abort) {
            throw new CommandError("ERR No shutdown in progress.");
        }
        String busy = call.server().busyScript().busyError(call.session());
        if (busy != null) {
            // As Redis: past busy-reply-threshold only SHUTDOWN NOSAVE goes on, and it stops the script first.
            if (!noSave) {
                throw new CommandError(busy);
            }
            call.server().busyScript().abort();
        }
        Snapshots snapshots = call.server().service(Snapshots.class);
        LOG.info("User requested shutdown (client {})", call.session().id());
        if (!save && (noSave || snapshots.schedule().isEmpty())) {
            if (!stop(call.server(), snapshots, FinalSave.NEVER)) {
                throw FAILED;
            }
            call.session().park();
            return;
        }
        LOG.info("Saving the final RDB snapshot before exiting.");
        Session session = call.session();
        ServerState server = call.server();
        boolean exitAnyway = force;
        session.park();
        snapshots.saveBeforeShutdown().thenAccept(saved -> {
            if (!saved && !exitAnyway) {
                LOG.warn("Error trying to save the DB, can't exit.");
                refuse(session);
                return;
            }
            if (!saved) {
                LOG.warn("Error trying to save the DB. Exit anyway.");
            }
            if (!stop(server, snapshots, saved ? FinalSave.IF_CHANGED : FinalSave.NEVER)) {
                refuse(session);
            }
        });
    }

    /** Asks the process to stop, with what it saves as it ends; false when nothing can stop it (in-process). */
    private static boolean stop(ServerState server, Snapshots snapshots, FinalSave finalSave) {
        snapshots.finalSave(finalSave);
        if (server.requestShutdown()) {
            return true;
        }
        snapshots.finalSave(FinalSave.IF_SCHEDULED);
        LOG.warn("SHUTDOWN refused: this server runs in-process, without a process to stop");
        return false;
    }

    private static void refuse(Session session) {
        LOG.warn("Errors trying to shut down the server. Check the logs for more information.");
        session.unpark(reply -> reply.error(FAILED_TEXT));
    }
}
