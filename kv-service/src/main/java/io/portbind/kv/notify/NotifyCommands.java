package io.portbind.kv.notify;

import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ConfigEntry;

/**
 * Keyspace notifications: the {@code notify-keyspace-events} parameter (empty, as in Redis: none are published)
 * and the {@link KeyspaceEvents} service the commands fire their events through.
 */
public final class NotifyCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        KeyspaceEvents events = new KeyspaceEvents(registry.server());
        registry.server().provide(KeyspaceEvents.class, events);
        registry.server().keyspace().addListener(events);
        registry.server().configEntries().add(new ConfigEntry("notify-keyspace-events", events::text,
                (call, text) -> {
                    if (!events.select(text)) {
                        throw new CommandError(EventClass.INVALID);
                    }
                }));
    }
}
