package io.portbind.kv.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.testing.EmbeddedClient;
import io.portbind.kv.testing.TestCommand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command that fails by a defect of ours still answers, with an error in place of any half-written reply. */
class UnexpectedFailureTest {

    @Test
    void aCommandThatThrowsIsAnsweredWithAnErrorAndTheConnectionGoesOn() {
        ServerState server = new ServerState(new Keyspace(), null);
        CommandRegistry registry = new CommandRegistry(server);
        registry.bind(TestCommand.declaration("halfway", 1, false), call -> {
            call.reply().array(2);
            call.reply().integer(1);
            throw new ArrayIndexOutOfBoundsException("a defect");
        });
        registry.bind(TestCommand.declaration("fine", 1, false), call -> call.reply().ok());
        Dispatcher dispatcher = registry.build(List.of());
        EmbeddedChannel channel = EmbeddedClient.connect(server, dispatcher);
        EmbeddedClient.send(channel, "HALFWAY\r\nFINE\r\n");
        assertEquals("-" + Dispatcher.INTERNAL_ERROR + "\r\n+OK\r\n", EmbeddedClient.received(channel));
    }
}
