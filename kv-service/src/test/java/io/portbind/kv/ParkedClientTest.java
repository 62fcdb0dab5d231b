package io.portbind.kv;

import static io.portbind.kv.command.CommandGroup.LIST;
import static io.portbind.kv.command.CommandSpec.command;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.command.CommandFlag;
import io.portbind.kv.command.CommandRegistry;
import io.portbind.kv.command.Dispatcher;
import io.portbind.kv.command.ServerState;
import io.portbind.kv.command.Session;
import io.portbind.kv.commands.ConnectionCommands;
import io.portbind.kv.commands.StringCommands;
import io.portbind.kv.protocol.RespRequestDecoder;
import io.portbind.kv.store.Keyspace;
import io.portbind.kv.store.KeyspaceListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hook blocking commands are built on: a command parks its client, the client's later requests
 * wait, and a key created by another client wakes it with a reply computed under the keyspace lock.
 */
class ParkedClientTest {

    /** A toy blocking command: BWAIT key replies with the key's value, waiting until the key exists. */
    private record Waiter(Session session, byte[] key) {
    }

    private final List<Waiter> waiters = new ArrayList<>();
    private final ServerState server = new ServerState(new Keyspace(), null);
    private final Dispatcher dispatcher;

    ParkedClientTest() {
        CommandRegistry registry = new CommandRegistry(server);
        registry.add(command("bwait", call -> {
            byte[] value = call.db().getString(call.arg(1));
            if (value != null) {
                call.reply().bulk(value);
            } else {
                waiters.add(new Waiter(call.session(), call.arg(1)));
                call.session().park();
            }
        }).arity(2).flags(CommandFlag.BLOCKING).keys(1, 1, 1).group(LIST).since("0").summary("Test only."));
        server.keyspace().addListener(new KeyspaceListener() {
            @Override
            public void keyReady(int db, byte[] key) {
                waiters.removeIf(waiter -> {
                    boolean ready = Arrays.equals(waiter.key(), key);
                    if (ready) {
                        byte[] value = server.keyspace().database(db).getString(key);
                        waiter.session().unpark(reply -> reply.bulk(value));
                    }
                    return ready;
                });
            }
        });
        dispatcher = registry.build(List.of(new ConnectionCommands(), new StringCommands()));
    }

    @Test
    void parkedClientIsWokenByAnotherClientsWriteAndThenServesItsQueuedRequests() {
        EmbeddedChannel waiting = connect();
        EmbeddedChannel writer = connect();
        send(waiting, "BWAIT job\r\nPING\r\n");
        assertEquals("", received(waiting));
        send(writer, "SET job done\r\n");
        assertEquals("+OK\r\n", received(writer));
        waiting.runPendingTasks();
        assertEquals("$4\r\ndone\r\n+PONG\r\n", received(waiting));
        send(waiting, "BWAIT job\r\n");
        assertEquals("$4\r\ndone\r\n", received(waiting));
    }

    private EmbeddedChannel connect() {
        ClientConnection connection = new ClientConnection(server, dispatcher);
        return new EmbeddedChannel(new RespRequestDecoder(connection::authenticationRequired), connection);
    }

    private static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private static String received(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            text.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        return text.toString();
    }
}
