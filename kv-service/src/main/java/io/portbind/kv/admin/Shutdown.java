package io.portbind.kv.admin;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHUTDOWN [NOSAVE | SAVE] [NOW] [FORCE] [ABORT]. Asks the process to stop the way SIGTERM does
 * (listener closed, connections drained, exit status 0). As in Redis, the client that asked gets no
 * reply: its connection closes as the server goes. Nothing is persisted, so NOSAVE and the default are
 * the same, and SAVE fails unless FORCE says to stop anyway; no shutdown is ever left pending, so
 * ABORT has nothing to cancel.
 */
final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    private static final CommandError FAILED = new CommandError("ERR Errors trying to SHUTDOWN. Check logs.");

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
        if (save && !force) {
            LOG.warn("SHUTDOWN SAVE refused: this server has no persistence (use NOSAVE, or SAVE FORCE)");
            throw FAILED;
        }
        if (!call.server().requestShutdown()) {
            LOG.warn("SHUTDOWN refused: this server runs in-process, without a process to stop");
            throw FAILED;
        }
        LOG.info("SHUTDOWN requested by client {}", call.session().id());
        call.session().park();
    }
}
