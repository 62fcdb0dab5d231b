package io.portbind.kv.client;

import io.portbind.common.server.ServiceLauncher;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandSpec;
import io.portbind.kv.table.Session;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * CLIENT LIST, CLIENT INFO and CLIENT KILL: connected clients in Redis's line format
 * ({@code id=3 addr=127.0.0.1:52340 laddr=... resp=2 lib-name= lib-ver=}) and the filters that pick
 * them. Buffer sizes and file descriptors are not tracked here: those fields read 0 and -1.
 */
final class ClientList {

    private ClientList() {
    }

    /** CLIENT LIST [TYPE normal|master|replica|pubsub] [ID client-id ...]. */
    static void list(Call call) {
        Predicate<Session> filter = session -> true;
        if (call.argCount() == 4 && call.is(2, "type")) {
            filter = typeFilter(call, 3);
        } else if (call.argCount() > 3 && call.is(2, "id")) {
            List<Long> ids = new ArrayList<>();
            for (int i = 3; i < call.argCount(); i++) {
                ids.add(clientId(call, i, Long.MIN_VALUE, "ERR Invalid client ID"));
            }
            filter = session -> ids.contains(session.id());
        } else if (call.argCount() != 2) {
            throw CommandError.SYNTAX;
        }
        StringBuilder text = new StringBuilder();
        for (Session session : sessionsById(call)) {
            if (filter.test(session)) {
                line(call, session, text);
            }
        }
        call.reply().verbatim(text.toString());
    }

    /** CLIENT INFO: the line of the calling client. */
    static void info(Call call) {
        StringBuilder text = new StringBuilder();
        line(call, call.session(), text);
        call.reply().verbatim(text.toString());
    }

    /**
     * CLIENT KILL ip:port (old form: OK, or an error when no client matched; may kill the caller) or
     * CLIENT KILL [ID id] [TYPE type] [ADDR ip:port] [LADDR ip:port] [USER name] [SKIPME yes|no]
     * (new form: every filter must match; replies the number killed; skips the caller by default).
     */
    static void kill(Call call) {
        Predicate<Session> filter = session -> true;
        boolean skipMe = true;
        if (call.argCount() == 3) {
            String address = call.text(2);
            filter = session -> address.equals(address(session.channel().remoteAddress()));
            skipMe = false;
        }
        for (int i = 2; call.argCount() > 3 && i < call.argCount(); i += 2) {
            if (i + 1 >= call.argCount()) {
                throw CommandError.SYNTAX;
            }
            String value = call.text(i + 1);
            if (call.is(i, "id")) {
                long id = clientId(call, i + 1, 1, "ERR client-id should be greater than 0");
                filter = filter.and(session -> session.id() == id);
            } else if (call.is(i, "type")) {
                filter = filter.and(typeFilter(call, i + 1));
            } else if (call.is(i, "addr")) {
                filter = filter.and(session -> value.equals(address(session.channel().remoteAddress())));
            } else if (call.is(i, "laddr")) {
                filter = filter.and(session -> value.equals(address(session.channel().localAddress())));
            } else if (call.is(i, "user")) {
                if (!value.equals("default")) {
                    throw new CommandError("ERR No such user '" + value + "'");
                }
            } else if (call.is(i, "skipme") && (call.is(i + 1, "yes") || call.is(i + 1, "no"))) {
                skipMe = call.is(i + 1, "yes");
            } else {
                throw CommandError.SYNTAX;
            }
        }
        int killed = 0;
        for (Session session : sessionsById(call)) {
            if (!filter.test(session) || skipMe && session == call.session()) {
                continue;
            }
            // Closing: the client's requests already in flight get no reply, as when Redis frees it at once.
            session.closeAfterReply();
            if (session != call.session()) {
                session.channel().close();
            }
            killed++;
        }
        if (call.argCount() > 3) {
            call.reply().integer(killed);
        } else if (killed == 0) {
            throw new CommandError("ERR No such client");
        } else {
            call.reply().ok();
        }
    }

    /**
     * TYPE normal|master|replica|slave|pubsub. Every client here is a normal one: there is no
     * replication, and subscribers are not told apart from other clients yet.
     */
    private static Predicate<Session> typeFilter(Call call, int index) {
        if (call.is(index, "normal")) {
            return session -> true;
        }
        if (call.is(index, "master") || call.is(index, "replica") || call.is(index, "slave")
                || call.is(index, "pubsub")) {
            return session -> false;
        }
        throw new CommandError("ERR Unknown client type '" + call.text(index) + "'");
    }

    /** A client id argument: an integer, at least {@code minimum}, or {@code error}. */
    private static long clientId(Call call, int index, long minimum, String error) {
        long id;
        try {
            id = call.longArg(index);
        } catch (CommandError notInteger) {
            throw new CommandError(error);
        }
        if (id < minimum) {
            throw new CommandError(error);
        }
        return id;
    }

    /** Connected clients by id, leaving out those already being closed (killed, QUIT) as Redis has freed them. */
    private static List<Session> sessionsById(Call call) {
        List<Session> sessions = new ArrayList<>();
        for (Session session : call.server().clients().values()) {
            if (!session.isClosing() || session == call.session()) {
                sessions.add(session);
            }
        }
        sessions.sort((a, b) -> Long.compare(a.id(), b.id()));
        return sessions;
    }

    /** One client's line, ending in a newline. */
    private static void line(Call call, Session session, StringBuilder text) {
        long now = call.keyspace().now();
        CommandSpec last = session.lastCommand();
        text.append("id=").append(session.id())
                .append(" addr=").append(address(session.channel().remoteAddress()))
                .append(" laddr=").append(address(session.channel().localAddress()))
                .append(" fd=-1 name=").append(session.name())
                .append(" age=").append(Math.max(0, now - session.createdMillis()) / 1000)
                .append(" idle=").append(Math.max(0, now - session.lastCommandMillis()) / 1000)
                .append(" flags=").append(flags(session))
                .append(" db=").append(session.db())
                .append(" sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=0 rbp=0")
                .append(" obl=0 oll=0 omem=").append(session.pendingOutputBytes())
                .append(" tot-mem=0 events=r cmd=").append(last == null ? "NULL" : last.fullName())
                .append(" user=default redir=-1 resp=").append(session.protocol())
                .append(" lib-name=").append(session.libraryName())
                .append(" lib-ver=").append(session.libraryVersion())
                .append('\n');
    }

    /** Redis's flag letters in its order: b blocked, c closing, e no-evict, T no-touch; N when none. */
    private static String flags(Session session) {
        StringBuilder flags = new StringBuilder();
        if (session.isParked()) {
            flags.append('b');
        }
        if (session.isClosing()) {
            flags.append('c');
        }
        if (session.noEvict()) {
            flags.append('e');
        }
        if (session.noTouch()) {
            flags.append('T');
        }
        return flags.isEmpty() ? "N" : flags.toString();
    }

    /** {@code 127.0.0.1:52340}, {@code [::1]:52340}. */
    private static String address(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? ServiceLauncher.hostAndPort(inet) : "";
    }
}
