package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.testing.EmbeddedClient;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer that resets its connection while replies are owed, or a push written after the connection closed, ends
 * at the connection handler (a debug line), not at the end of the pipeline, where Netty warns with a trace.
 */
class PeerResetTest {

    @Test
    void aResetPeerClosesTheConnectionWithoutReachingTheEndOfThePipeline() {
        EmbeddedChannel channel = connect();
        channel.pipeline().fireExceptionCaught(new IOException("Connection reset by peer"));
        channel.checkException();
        assertFalse(channel.isOpen());
    }

    @Test
    void aWriteAfterTheCloseEndsAtTheConnectionToo() {
        EmbeddedChannel channel = connect();
        channel.pipeline().fireExceptionCaught(new ClosedChannelException());
        channel.checkException();
    }

    private static EmbeddedChannel connect() {
        ServerState server = new ServerState(new Keyspace(), null);
        return EmbeddedClient.connect(server, new CommandRegistry(server).build(List.of()));
    }
}
