package io.portbind.kv.snapshot;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Session;

/**
 * SAVE, BGSAVE [SCHEDULE] and LASTSAVE over the server's {@link Snapshots}, with Redis 7.0's replies. SAVE
 * answers once its file is on disk, as Redis's blocking SAVE does, but only its own client waits: it is parked
 * while the saving thread writes, and the other clients go on.
 */
public final class SnapshotCommands implements CommandFamily {

    private static final CommandError IN_PROGRESS = new CommandError("ERR Background save already in progress");
    private static final CommandError OTHER_JOB = new CommandError("ERR Another child process is active (AOF?): "
            + "can't BGSAVE right now. Use BGSAVE SCHEDULE in order to schedule a BGSAVE whenever possible.");
    /** Redis's {@code shared.err}: a save that failed says no more (the log says why). */
    private static final String FAILED = "ERR";

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("save", SnapshotCommands::save)
                .bind("bgsave", SnapshotCommands::bgsave)
                .bind("lastsave", call -> call.reply().integer(snapshots(call).stats().lastSaveSeconds()));
    }

    /** The server's snapshots, which {@code KvServer} provides. */
    static Snapshots snapshots(Call call) {
        return call.server().service(Snapshots.class);
    }

    private static void save(Call call) {
        Snapshots snapshots = snapshots(call);
        if (snapshots.inProgress()) {
            throw IN_PROGRESS;
        }
        Session session = call.session();
        session.park();
        snapshots.save().thenAccept(ok -> session.unpark(reply -> {
            if (ok) {
                reply.ok();
            } else {
                reply.error(FAILED);
            }
        }));
    }

    /** BGSAVE [SCHEDULE]: inside EXEC, or while another job runs, only scheduled (with SCHEDULE, or in EXEC). */
    private static void bgsave(Call call) {
        boolean schedule = false;
        if (call.argCount() > 1) {
            if (call.argCount() == 2 && call.is(1, "schedule")) {
                schedule = true;
            } else {
                throw CommandError.SYNTAX;
            }
        }
        Snapshots snapshots = snapshots(call);
        boolean inExec = call.session().inTransaction();
        if (snapshots.inProgress()) {
            throw IN_PROGRESS;
        }
        if (snapshots.otherJobActive() || inExec) {
            if (!schedule && !inExec) {
                throw OTHER_JOB;
            }
            snapshots.scheduleInBackground();
            call.reply().simple("Background saving scheduled");
            return;
        }
        snapshots.saveInBackground();
        call.reply().simple("Background saving started");
    }
}
