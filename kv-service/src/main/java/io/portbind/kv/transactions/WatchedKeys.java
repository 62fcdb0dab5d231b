package io.portbind.kv.transactions;

import io.portbind.kv.keyspace.ByteString;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.table.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * WATCH: which clients watch which keys, and which of them saw a watched key change (Redis's
 * CLIENT_DIRTY_CAS). Every write, delete and expiry of a watched key marks its watchers; FLUSHDB,
 * FLUSHALL and SWAPDB mark the watchers of keys that existed before or exist after, as Redis does.
 * Everything here runs under the keyspace lock.
 */
final class WatchedKeys implements KeyspaceListener {

    private record WatchedKey(int db, ByteString key) {
    }

    /** One client's watches. Kept until the client disconnects, so its close hook is registered once. */
    private static final class Watcher {
        private final List<WatchedKey> keys = new ArrayList<>();
        private boolean changed;
    }

    /** A watch of one key by one client; {@code existed}: whether the key existed when WATCH ran. */
    private record Watch(Watcher watcher, boolean existed) {
    }

    private final Keyspace keyspace;
    private final Map<WatchedKey, List<Watch>> watches = new HashMap<>();
    private final Map<Session, Watcher> watchers = new IdentityHashMap<>();

    WatchedKeys(Keyspace keyspace) {
        this.keyspace = keyspace;
    }

    /** WATCH of {@code key} in database {@code db} by {@code session}; watching a key twice is one watch. */
    void watch(Session session, int db, byte[] key) {
        Watcher watcher = watchers.get(session);
        if (watcher == null) {
            watcher = new Watcher();
            watchers.put(session, watcher);
            session.channel().closeFuture().addListener(closed -> forgetClosed(session));
        }
        WatchedKey watched = new WatchedKey(db, new ByteString(key.clone()));
        if (watcher.keys.contains(watched)) {
            return;
        }
        boolean existed = keyspace.database(db).exists(key);
        watcher.keys.add(watched);
        watches.computeIfAbsent(watched, k -> new ArrayList<>(1)).add(new Watch(watcher, existed));
    }

    /**
     * Whether a key {@code session} watches has changed since WATCH, a key whose TTL has passed by now
     * included (reading it expires it, which counts as a change).
     */
    boolean changed(Session session) {
        Watcher watcher = watchers.get(session);
        if (watcher == null) {
            return false;
        }
        for (WatchedKey watched : watcher.keys) {
            keyspace.database(watched.db()).exists(watched.key().bytes());
        }
        return watcher.changed;
    }

    /** UNWATCH, and the end of every EXEC, DISCARD and RESET. */
    void unwatchAll(Session session) {
        Watcher watcher = watchers.get(session);
        if (watcher == null) {
            return;
        }
        for (WatchedKey watched : watcher.keys) {
            List<Watch> list = watches.get(watched);
            list.removeIf(watch -> watch.watcher() == watcher);
            if (list.isEmpty()) {
                watches.remove(watched);
            }
        }
        watcher.keys.clear();
        watcher.changed = false;
    }

    /** WATCH hears modifications only; created keys matter to blocked clients. */
    @Override
    public boolean awaitsReadyKeys() {
        return false;
    }

    @Override
    public void keyModified(int db, byte[] key) {
        if (watches.isEmpty()) {
            return;
        }
        List<Watch> list = watches.get(new WatchedKey(db, new ByteString(key)));
        if (list != null) {
            for (Watch watch : list) {
                watch.watcher().changed = true;
            }
        }
    }

    @Override
    public void databaseReplaced(int db) {
        for (Map.Entry<WatchedKey, List<Watch>> entry : watches.entrySet()) {
            if (entry.getKey().db() != db) {
                continue;
            }
            // A watcher not yet marked saw no change since WATCH, so "existed then" is "existed before this".
            boolean existsNow = keyspace.database(db).exists(entry.getKey().key().bytes());
            for (Watch watch : entry.getValue()) {
                if (watch.existed() || existsNow) {
                    watch.watcher().changed = true;
                }
            }
        }
    }

    private void forgetClosed(Session session) {
        keyspace.lock();
        try {
            unwatchAll(session);
            watchers.remove(session);
        } finally {
            keyspace.unlock();
        }
    }
}
