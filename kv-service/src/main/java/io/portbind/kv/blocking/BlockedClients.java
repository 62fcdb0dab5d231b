package io.portbind.kv.blocking;

import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Session;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The clients parked by blocking commands of any type, as Redis's blocked-clients bookkeeping: per
 * database and key, a first-in first-out queue of waiting clients. A key created by a command (Redis's
 * signalKeyAsReady) serves its waiters in the order they blocked, as long as the key has data; a client
 * waiting on several keys is served once, by the first ready key. SWAPDB and FLUSHDB make every waited
 * key of the database a candidate. Timeouts run on the client's event loop; a client that disconnects
 * stops waiting. Everything here runs under the keyspace lock.
 */
public final class BlockedClients implements KeyspaceListener {

    private final Keyspace keyspace;
    private final List<Map<ByteBuffer, ArrayDeque<Waiter>>> byDatabase = new ArrayList<>();
    private boolean listening;
    private int blocked;

    public BlockedClients(Keyspace keyspace) {
        this.keyspace = keyspace;
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            byDatabase.add(new HashMap<>());
        }
    }

    /** How many clients are blocked now (INFO's {@code blocked_clients}). */
    public int blockedCount() {
        return blocked;
    }

    /**
     * Parks {@code call}'s client on {@code keys} of its database until {@code command} can serve it or
     * {@code timeoutMillis} pass (0 waits forever). The command has found no data on any key and writes
     * no reply itself. Inside a transaction nothing blocks: the client gets the timeout reply at once.
     */
    public void block(Call call, List<byte[]> keys, long timeoutMillis, BlockedCommand command) {
        Session session = call.session();
        if (session.inTransaction()) {
            command.timedOut(call.reply());
            return;
        }
        if (!listening) {
            keyspace.addListener(this);
            listening = true;
        }
        Set<ByteBuffer> distinct = new LinkedHashSet<>();
        for (byte[] key : keys) {
            distinct.add(ByteBuffer.wrap(key));
        }
        Waiter waiter = new Waiter(session, session.db(), distinct, command);
        Map<ByteBuffer, ArrayDeque<Waiter>> queues = byDatabase.get(waiter.db);
        for (ByteBuffer key : distinct) {
            queues.computeIfAbsent(key, k -> new ArrayDeque<>()).add(waiter);
        }
        blocked++;
        session.park();
        if (timeoutMillis > 0) {
            waiter.timer = session.channel().eventLoop().schedule(() -> expire(waiter), timeoutMillis,
                    TimeUnit.MILLISECONDS);
        }
        waiter.onClose = closed -> disconnected(waiter);
        session.channel().closeFuture().addListener(waiter.onClose);
    }

    @Override
    public void keyReady(int db, byte[] key) {
        if (blocked > 0) {
            serve(db, ByteBuffer.wrap(key));
        }
    }

    /**
     * A waited key changed: offered to its waiters after the command, as Redis signals a stream that grew, lost a
     * group or was deleted or replaced (XREADGROUP waiters are then answered with an error). Waiters of the other
     * types decline a key that has nothing for them.
     */
    @Override
    public void keyModified(int db, byte[] key) {
        if (blocked > 0 && byDatabase.get(db).containsKey(ByteBuffer.wrap(key))) {
            keyspace.signalKeyAsReady(db, key);
        }
    }

    @Override
    public boolean awaitsReadyKeys() {
        return blocked > 0;
    }

    @Override
    public void databaseReplaced(int db) {
        if (blocked == 0) {
            return;
        }
        // Served once the command is over, as Redis's scanDatabaseForReadyKeys: the pops then propagate after it.
        Database database = keyspace.database(db);
        for (ByteBuffer key : new ArrayList<>(byDatabase.get(db).keySet())) {
            if (database.exists(key.array())) {
                keyspace.signalKeyAsReady(db, key.array());
            }
        }
    }

    /**
     * Offers {@code key} to its waiters, first blocked first, until one declines because the key has no more; a
     * waiter that {@linkplain BlockedCommand#passesOn() passes on} lets the key go on to the next.
     */
    private void serve(int db, ByteBuffer key) {
        ArrayDeque<Waiter> queue = byDatabase.get(db).get(key);
        if (queue == null) {
            return;
        }
        Database database = keyspace.database(db);
        for (Waiter waiter : new ArrayList<>(queue)) {
            if (waiter.released) {
                continue;
            }
            Consumer<Reply> reply = waiter.command.serve(database, key.array());
            if (reply == null) {
                if (waiter.command.passesOn()) {
                    continue;
                }
                return;
            }
            release(waiter);
            waiter.session.unpark(reply);
        }
    }

    private void expire(Waiter waiter) {
        keyspace.lock();
        try {
            if (!waiter.released) {
                release(waiter);
                waiter.session.unpark(waiter.command::timedOut);
            }
        } finally {
            keyspace.unlock();
        }
    }

    private void disconnected(Waiter waiter) {
        keyspace.lock();
        try {
            if (!waiter.released) {
                release(waiter);
            }
        } finally {
            keyspace.unlock();
        }
    }

    /** Takes {@code waiter} out of every queue, and cancels its timer and its disconnect listener. */
    private void release(Waiter waiter) {
        waiter.released = true;
        blocked--;
        Map<ByteBuffer, ArrayDeque<Waiter>> queues = byDatabase.get(waiter.db);
        for (ByteBuffer key : waiter.keys) {
            ArrayDeque<Waiter> queue = queues.get(key);
            queue.remove(waiter);
            if (queue.isEmpty()) {
                queues.remove(key);
            }
        }
        if (waiter.timer != null) {
            waiter.timer.cancel(false);
        }
        if (waiter.onClose != null) {
            waiter.session.channel().closeFuture().removeListener(waiter.onClose);
        }
    }

    /** One parked client: where it waits, on what, and how it is answered. */
    private static final class Waiter {
        private final Session session;
        private final int db;
        private final Set<ByteBuffer> keys;
        private final BlockedCommand command;
        private ScheduledFuture<?> timer;
        private ChannelFutureListener onClose;
        private boolean released;

        private Waiter(Session session, int db, Set<ByteBuffer> keys, BlockedCommand command) {
            this.session = session;
            this.db = db;
            this.keys = keys;
            this.command = command;
        }
    }
}
