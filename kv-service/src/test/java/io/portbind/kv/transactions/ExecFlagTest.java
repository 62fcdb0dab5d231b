package io.portbind.kv.transactions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.server.ClientConnection;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.testing.TestCommand;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocking commands ask {@code Session.inTransaction()} whether EXEC runs them: true only inside EXEC. */
class ExecFlagTest {

    @Test
    void sessionIsInTransactionOnlyWhileExecRunsTheQueue() {
        ServerState server = new ServerState(new Keyspace(), null);
        CommandRegistry registry = new CommandRegistry(server);
        registry.bind(TestCommand.declaration("intx", 1, false),
                call -> call.reply().integer(call.session().inTransaction() ? 1 : 0));
        Dispatcher dispatcher = registry.build(List.of(new TransactionCommands()));
        ClientConnection connection = new ClientConnection(server, dispatcher);
        EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder(connection::authenticationRequired),
                connection);
        channel.writeInbound(Unpooled.copiedBuffer("INTX\r\nMULTI\r\nINTX\r\nEXEC\r\nINTX\r\n",
                StandardCharsets.US_ASCII));
        StringBuilder received = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            received.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        assertEquals(":0\r\n+OK\r\n+QUEUED\r\n*1\r\n:1\r\n:0\r\n", received.toString());
    }
}
