package io.portbind.kv.blocking;

import static io.portbind.kv.testing.EmbeddedClient.received;
import static io.portbind.kv.testing.EmbeddedClient.send;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.admin.ServerCommands;
import io.portbind.kv.client.ConnectionCommands;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.lists.ListCommands;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import io.portbind.kv.testing.EmbeddedClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blocked-clients registry's rules that need a look inside: transactions never block, SWAPDB brings waited keys,
 * FLUSHALL leaves waiters waiting, and a closed connection is forgotten.
 */
class BlockedClientsTest {

    private final ServerState server = new ServerState(new Keyspace(), null);
    private final BlockedClients blockedClients = new BlockedClients(server.keyspace());
    private final Dispatcher dispatcher = new CommandRegistry(server)
            .build(List.of(new ConnectionCommands(), new ServerCommands(), new ListCommands(blockedClients)));

    @Test
    void insideATransactionBlockingPopsAnswerAtOnce() {
        EmbeddedChannel client = connect();
        sessionOf(client).setInTransaction(true);
        send(client, "BLPOP nothing 0\r\nBLMOVE nothing dst LEFT LEFT 0\r\nBLMPOP 0 1 nothing LEFT\r\n");
        assertEquals("*-1\r\n*-1\r\n*-1\r\n", received(client));
        assertEquals(0, blocked());
    }

    @Test
    void swapdbBringsAWaitedListAndServesTheWaiter() {
        EmbeddedChannel waiting = connect();
        EmbeddedChannel writer = connect();
        send(waiting, "BLPOP jobs 0\r\n");
        send(writer, "SELECT 1\r\nRPUSH jobs job-1\r\n");
        assertEquals("+OK\r\n:1\r\n", received(writer));
        assertEquals(1, blocked());
        server.keyspace().lock();
        try {
            server.keyspace().swap(0, 1);
        } finally {
            server.keyspace().unlock();
        }
        waiting.runPendingTasks();
        assertEquals("*2\r\n$4\r\njobs\r\n$5\r\njob-1\r\n", received(waiting));
        assertEquals(0, blocked());
    }

    @Test
    void flushallLeavesWaitersWaiting() {
        EmbeddedChannel waiting = connect();
        EmbeddedChannel writer = connect();
        send(waiting, "BRPOP a b 0\r\n");
        send(writer, "FLUSHALL\r\nRPUSH b x\r\n");
        waiting.runPendingTasks();
        assertEquals("*2\r\n$1\r\nb\r\n$1\r\nx\r\n", received(waiting));
    }

    @Test
    void closedConnectionStopsWaiting() {
        EmbeddedChannel leaving = connect();
        send(leaving, "BLPOP q 0\r\n");
        assertEquals(1, blocked());
        leaving.close();
        assertEquals(0, blocked());
        EmbeddedChannel writer = connect();
        send(writer, "RPUSH q kept\r\nLLEN q\r\n");
        assertEquals(":1\r\n:1\r\n", received(writer));
    }

    private int blocked() {
        return blockedClients.blockedCount();
    }

    private Session sessionOf(EmbeddedChannel channel) {
        return server.clients().values().stream().filter(session -> session.channel() == channel).findFirst()
                .orElseThrow();
    }

    private EmbeddedChannel connect() {
        return EmbeddedClient.connect(server, dispatcher);
    }
}
