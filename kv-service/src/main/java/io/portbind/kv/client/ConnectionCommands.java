package io.portbind.kv.client;

import static io.portbind.kv.table.Arg.block;
import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.CommandFlag.ALLOW_BUSY;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.LOADING;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.NO_AUTH;
import static io.portbind.kv.table.CommandFlag.STALE;
import static io.portbind.kv.table.CommandGroup.CONNECTION;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;
import static io.portbind.kv.table.DispatchRule.RUNS_IN_MULTI;
import static io.portbind.kv.table.DispatchRule.SUBSCRIBED_CONTEXT;

import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.DatabaseIndex;
import java.nio.charset.StandardCharsets;

/** PING, ECHO, QUIT, AUTH, HELLO and SELECT; CLIENT lives in {@link ClientCommands}. */
public final class ConnectionCommands implements CommandFamily {

    private static final byte[] PONG_MESSAGE = "pong".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    @Override
    public void register(CommandRegistry registry) {
        registry.add(command("ping", ConnectionCommands::ping).arity(-1).flags(FAST).rules(SUBSCRIBED_CONTEXT).group(CONNECTION)
                        .since("1.0.0").summary("Returns the server's liveliness response.")
                        .complexity(CONSTANT_TIME).args(string("message").optional()))
                .add(command("echo", call -> call.reply().bulk(call.arg(1))).arity(2).flags(LOADING, STALE, FAST)
                        .group(CONNECTION)
                        .since("1.0.0").summary("Returns the given string.")
                        .complexity(CONSTANT_TIME).args(string("message")))
                .add(command("quit", ConnectionCommands::quit).arity(-1).rules(RUNS_IN_MULTI, SUBSCRIBED_CONTEXT)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group(CONNECTION)
                        .since("1.0.0").summary("Closes the connection.")
                        .complexity(CONSTANT_TIME))
                .add(command("auth", Authentication::auth).arity(-2)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group(CONNECTION)
                        .since("1.0.0").summary("Authenticates the connection.")
                        .complexity(CONSTANT_TIME)
                        .args(string("username").since("6.0.0").optional(), string("password")))
                .add(command("hello", Authentication::hello).arity(-1)
                        .flags(NOSCRIPT, LOADING, STALE, FAST, NO_AUTH, ALLOW_BUSY).group(CONNECTION)
                        .since("6.0.0").summary("Handshakes with the Redis server.")
                        .complexity(CONSTANT_TIME).args(block("arguments", integer("protover"),
                                block("username_password", string("username"), string("password")).token("AUTH")
                                        .optional(),
                                string("clientname").token("SETNAME").optional()).optional()))
                .add(command("select", ConnectionCommands::select).arity(2).flags(LOADING, STALE, FAST)
                        .group(CONNECTION).since("1.0.0").summary("Changes the selected database.")
                        .complexity(CONSTANT_TIME).args(integer("index")));
    }

    private static void ping(Call call) {
        if (call.argCount() > 2) {
            throw call.arityError();
        }
        if (call.session().inSubscribedContext()) {
            // A RESP2 subscriber's connection carries messages, so PING answers in their shape: ["pong", message].
            call.reply().array(2);
            call.reply().bulk(PONG_MESSAGE);
            call.reply().bulk(call.argCount() == 2 ? call.arg(1) : EMPTY);
        } else if (call.argCount() == 1) {
            call.reply().pong();
        } else {
            call.reply().bulk(call.arg(1));
        }
    }

    private static void quit(Call call) {
        call.reply().ok();
        call.session().closeAfterReply();
    }

    private static void select(Call call) {
        call.session().db(DatabaseIndex.parse(call, 1));
        call.reply().ok();
    }
}
