package io.portbind.kv.notify;

import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.pubsub.Publisher;
import io.portbind.kv.table.ServerState;
import java.nio.charset.StandardCharsets;

/**
 * Keyspace notifications: each event a command fires is published, when {@code notify-keyspace-events} selects its
 * class, as {@code __keyspace@<db>__:<key>} with the event name and as {@code __keyevent@<db>__:<event>} with the
 * key, as Redis's {@code notifyKeyspaceEvent} does. Key creation ({@code new}), expiry and eviction are seen as
 * keyspace changes; the commands fire the rest through {@code Database.notifyEvent}.
 */
public final class KeyspaceEvents implements KeyspaceListener {

    private final ServerState server;
    private volatile int flags;

    KeyspaceEvents(ServerState server) {
        this.server = server;
    }

    @Override
    public void keyEvent(int db, EventClass type, String event, byte[] key) {
        int selected = flags;
        if ((selected & type.bit()) == 0) {
            return;
        }
        Publisher publisher = server.findService(Publisher.class);
        if (publisher == null) {
            return;
        }
        byte[] name = event.getBytes(StandardCharsets.US_ASCII);
        if ((selected & EventClass.KEYSPACE.bit()) != 0) {
            publisher.publish(channel("__keyspace@" + db + "__:", key), name);
        }
        if ((selected & EventClass.KEYEVENT.bit()) != 0) {
            publisher.publish(channel("__keyevent@" + db + "__:", name), key);
        }
    }

    private static byte[] channel(String prefix, byte[] suffix) {
        byte[] start = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] channel = new byte[start.length + suffix.length];
        System.arraycopy(start, 0, channel, 0, start.length);
        System.arraycopy(suffix, 0, channel, start.length, suffix.length);
        return channel;
    }

    String text() {
        return EventClass.format(flags);
    }

    /** CONFIG SET notify-keyspace-events: false when a letter is not one of Redis's. */
    boolean select(String classes) {
        int parsed = EventClass.parse(classes);
        if (parsed < 0) {
            return false;
        }
        flags = parsed;
        return true;
    }

    @Override
    public void keyCreated(int db, byte[] key) {
        keyEvent(db, EventClass.NEW, "new", key);
    }

    @Override
    public void keyExpired(int db, byte[] key) {
        keyEvent(db, EventClass.EXPIRED, "expired", key);
    }

    @Override
    public void keyEvicted(int db, byte[] key) {
        keyEvent(db, EventClass.EVICTED, "evicted", key);
    }

    @Override
    public boolean awaitsReadyKeys() {
        return false;
    }
}
