package io.portbind.kv.blocking;

import static io.portbind.kv.testing.EmbeddedClient.received;
import static io.portbind.kv.testing.EmbeddedClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.client.ConnectionCommands;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceListener;
import io.portbind.kv.strings.StringCommands;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import io.portbind.kv.testing.EmbeddedClient;
import io.portbind.kv.testing.TestCommand;
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
        registry.bind(TestCommand.declaration("bwait", 2, true, "BLOCKING"), call -> {
            byte[] value = call.db().getString(call.arg(1));
            if (value != null) {
                call.reply().bulk(value);
            } else {
                waiters.add(new Waiter(call.session(), call.arg(1)));
                call.session().park();
            }
        });
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
        return EmbeddedClient.connect(server, dispatcher);
    }
}
