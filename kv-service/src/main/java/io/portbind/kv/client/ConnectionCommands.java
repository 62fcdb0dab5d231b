package io.portbind.kv.client;

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
        registry.bind("ping", ConnectionCommands::ping)
                .bind("echo", call -> call.reply().bulk(call.arg(1)))
                .bind("quit", ConnectionCommands::quit)
                .bind("auth", Authentication::auth)
                .bind("hello", Authentication::hello)
                .bind("select", ConnectionCommands::select);
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
