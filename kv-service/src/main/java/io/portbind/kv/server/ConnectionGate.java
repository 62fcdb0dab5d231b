package io.portbind.kv.server;

import io.netty.channel.Channel;
import io.portbind.kv.table.ServerState;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides, when a connection is accepted and before anything is read from it, whether it becomes a
 * client. In Redis 7.0's order: beyond {@code maxclients} connected clients it is refused
 * (acceptCommonHandler), then one from outside the loopback interface is refused while protected mode
 * is on and no password is set (clientAcceptHandler).
 *
 * <p>Redis 7.0 no longer asks whether a bind address was given: its check is only
 * {@code server.protected_mode && DefaultUser->flags & USER_FLAG_NOPASS}, since its default bind
 * ({@code * -::*}) listens everywhere too. So protected mode applies whatever {@code --bind} says, our
 * default 0.0.0.0 included; binding to loopback only makes the check moot.
 */
final class ConnectionGate {

    /** Redis 7.0's text, with cluster mode off. */
    private static final RefusedConnection TOO_MANY_CLIENTS =
            new RefusedConnection("ERR max number of clients reached");

    /**
     * Redis 7.0's text to the byte (networking.c, clientAcceptHandler), "Setup a an" included: what
     * redis-server 7.0.15 sends, and what ProtectedModeTest compares with it.
     */
    private static final RefusedConnection PROTECTED_MODE = new RefusedConnection("DENIED Redis is running in "
            + "protected mode because protected mode is enabled and no password is set for the default user. In this "
            + "mode connections are only accepted from the loopback interface. If you want to connect from external "
            + "computers to Redis you may adopt one of the following solutions: 1) Just disable protected mode "
            + "sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis "
            + "from the same host the server is running, however MAKE SURE Redis is not publicly accessible from "
            + "internet if you do so. Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can "
            + "just disable the protected mode by editing the Redis configuration file, and setting the protected "
            + "mode option to 'no', and then restarting the server. 3) If you started the server manually just for "
            + "testing, restart it with the '--protected-mode no' option. 4) Setup a an authentication password for "
            + "the default user. NOTE: You only need to do one of the above things in order for the server to start "
            + "accepting connections from the outside.");

    private final ServerState server;
    /** Admitted connections not yet closed: counted here, atomically, as accepts run on several event loops. */
    private final AtomicLong connected = new AtomicLong();

    ConnectionGate(ServerState server) {
        this.server = server;
    }

    /**
     * Admits the connection on {@code channel}, counting it as a connected client until it closes, and
     * returns null; or returns the pipeline that refuses it.
     */
    RefusedConnection admit(Channel channel) {
        long now;
        do {
            now = connected.get();
            if (now >= server.maxClients()) {
                server.stats().connectionRejected();
                return TOO_MANY_CLIENTS;
            }
        } while (!connected.compareAndSet(now, now + 1));
        if (server.protectedMode() && server.password().isEmpty() && !isLocal(channel.remoteAddress())) {
            connected.decrementAndGet();
            return PROTECTED_MODE;
        }
        channel.closeFuture().addListener(closed -> connected.decrementAndGet());
        return null;
    }

    /**
     * Whether a client at {@code address} is on this host: a loopback address (127.0.0.0/8, ::1, also
     * written as an IPv4-mapped IPv6 address by a dual-stack socket), or not an IP address at all (a Unix
     * socket). Redis 7.0 compares the text with 127.0.0.1 and ::1 only; the whole loopback network is
     * this host as well.
     */
    static boolean isLocal(SocketAddress address) {
        if (!(address instanceof InetSocketAddress inet)) {
            return true;
        }
        InetAddress ip = inet.getAddress();
        if (ip == null) {
            return false;
        }
        if (ip.isLoopbackAddress()) {
            return true;
        }
        return ip instanceof Inet6Address && isMappedIpv4Loopback(ip.getAddress());
    }

    /** {@code ::ffff:127.x.x.x}. */
    private static boolean isMappedIpv4Loopback(byte[] ip) {
        for (int i = 0; i < 10; i++) {
            if (ip[i] != 0) {
                return false;
            }
        }
        return ip[10] == (byte) 0xff && ip[11] == (byte) 0xff && ip[12] == 127;
    }
}
