package io.portbind.kv.table;

import io.portbind.kv.resp.CommandError;

/**
 * The body of one command. It runs with the keyspace lock held, after the dispatcher has checked
 * everything the command file declares (name, arity, authentication, MULTI and subscribed-mode rules), and writes
 * exactly one reply to {@link Call#reply()} — or throws {@link io.portbind.kv.resp.CommandError} before writing anything.
 */
@FunctionalInterface
public interface Command {

    void execute(Call call);
}
