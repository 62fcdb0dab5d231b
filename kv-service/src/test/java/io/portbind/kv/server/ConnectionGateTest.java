package io.portbind.kv.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.table.ServerState;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The accept-time checks on their own, with the client's address made up: the network test is ProtectedModeTest. */
class ConnectionGateTest {

    private final ServerState server = new ServerState(new Keyspace(), null);
    private final ConnectionGate gate = new ConnectionGate(server);

    @Test
    void protectedModeRefusesAnOutsideClientWhileNoPasswordIsSet() throws Exception {
        EmbeddedChannel channel = from("10.200.1.2");
        RefusedConnection refused = gate.admit(channel);
        assertNotNull(refused);
        String reply = activate(channel, refused);
        assertTrue(reply.startsWith("-DENIED Redis is running in protected mode because protected mode is enabled "
                + "and no password is set for the default user.") && reply.endsWith("\r\n"), reply);
        assertFalse(channel.isOpen());
    }

    @Test
    void loopbackClientsAreLocal() throws Exception {
        assertNull(gate.admit(from("127.0.0.1")));
        assertNull(gate.admit(from("127.10.0.7")));
        assertNull(gate.admit(from("::1")));
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        assertNull(gate.admit(channel(new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 5))));
        assertNull(gate.admit(channel(new DomainSocketAddress("/run/kv.sock"))), "a Unix socket is local too");
    }

    @Test
    void aPasswordOrProtectedModeOffAdmitsOutsideClients() {
        server.password("s3cret");
        assertNull(gate.admit(from("10.200.1.2")));
        server.password("");
        server.protectedMode(false);
        assertNull(gate.admit(from("192.0.2.1")));
        server.protectedMode(true);
        assertNotNull(gate.admit(from("192.0.2.1")));
    }

    @Test
    void beyondMaxclientsAConnectionIsRefusedUntilAClientLeaves() throws Exception {
        server.maxClients(2);
        EmbeddedChannel first = from("127.0.0.1");
        assertNull(gate.admit(first));
        assertNull(gate.admit(from("127.0.0.1")));
        EmbeddedChannel third = from("127.0.0.1");
        RefusedConnection refused = gate.admit(third);
        assertNotNull(refused);
        assertEquals("-ERR max number of clients reached\r\n", activate(third, refused));
        first.register();
        first.close();
        assertNull(gate.admit(from("127.0.0.1")));
    }

    @Test
    void aDeniedClientDoesNotTakeAPlace() {
        server.maxClients(1);
        assertNotNull(gate.admit(from("10.200.1.2")));
        assertNull(gate.admit(from("127.0.0.1")));
    }

    /** Registers {@code channel} with the refusal as its pipeline and returns what it wrote. */
    private static String activate(EmbeddedChannel channel, RefusedConnection refused) throws Exception {
        channel.pipeline().addLast(refused);
        channel.register();
        ByteBuf written = channel.readOutbound();
        try {
            return written.toString(StandardCharsets.US_ASCII);
        } finally {
            written.release();
        }
    }

    private static EmbeddedChannel from(String ip) {
        try {
            return channel(new InetSocketAddress(InetAddress.getByName(ip), 50_000));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** A channel, not yet registered, whose peer is at {@code remote}. */
    private static EmbeddedChannel channel(SocketAddress remote) {
        return new EmbeddedChannel(false, false) {
            @Override
            protected SocketAddress remoteAddress0() {
                return remote;
            }
        };
    }
}
