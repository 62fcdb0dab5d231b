package io.portbind.kv.table;

/**
 * A group of related commands (strings, lists, pub/sub, ...), declared in one file. A family adds its
 * command declarations, and any gates or keyspace listeners it needs, to the registry at start-up;
 * it is listed once in {@link CommandFamilies}.
 */
public interface CommandFamily {

    void register(CommandRegistry registry);
}
