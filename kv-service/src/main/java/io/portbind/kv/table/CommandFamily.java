package io.portbind.kv.table;

/**
 * A group of related commands (strings, lists, pub/sub, ...). At start-up a family binds each of its command
 * names to a body, and adds any keyspace listeners it needs; what each command is (arity, flags, keys, docs) is
 * declared by its command file, not here. Families are listed once, in the server's {@code CommandFamilies}.
 */
public interface CommandFamily {

    void register(CommandRegistry registry);
}
