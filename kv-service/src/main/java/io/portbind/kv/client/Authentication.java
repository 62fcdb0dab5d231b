package io.portbind.kv.client;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** AUTH and HELLO: the default user with the {@code requirepass} password, and the protocol switch. */
public final class Authentication {

    /** The version HELLO reports; clients use it to decide which commands exist. */
    public static final String REDIS_VERSION = "7.0.15";

    private static final byte[] DEFAULT_USER = "default".getBytes(StandardCharsets.US_ASCII);
    private static final CommandError WRONGPASS =
            new CommandError("WRONGPASS invalid username-password pair or user is disabled.");

    private Authentication() {
    }

    /** AUTH [username] password. */
    static void auth(Call call) {
        if (call.argCount() > 3) {
            throw CommandError.SYNTAX;
        }
        if (call.argCount() == 2 && call.server().password().isEmpty()) {
            throw new CommandError("ERR AUTH <password> called without any password configured for the "
                    + "default user. Are you sure your configuration is correct?");
        }
        byte[] user = call.argCount() == 3 ? call.arg(1) : DEFAULT_USER;
        authenticate(call, user, call.arg(call.argCount() - 1));
        call.reply().ok();
    }

    /** HELLO [protover [AUTH username password] [SETNAME clientname]]. */
    static void hello(Call call) {
        int protocol = call.session().protocol();
        if (call.argCount() >= 2) {
            long requested;
            try {
                requested = call.longArg(1);
            } catch (CommandError notInteger) {
                throw new CommandError("ERR Protocol version is not an integer or out of range");
            }
            if (requested < 2 || requested > 3) {
                throw new CommandError("NOPROTO unsupported protocol version");
            }
            protocol = (int) requested;
        }
        int authAt = 0;
        int nameAt = 0;
        for (int i = 2; i < call.argCount(); i++) {
            int more = call.argCount() - 1 - i;
            if (call.is(i, "auth") && more >= 2) {
                authAt = i;
                i += 2;
            } else if (call.is(i, "setname") && more >= 1) {
                nameAt = i;
                i++;
            } else {
                throw new CommandError("ERR Syntax error in HELLO option '" + call.text(i) + "'");
            }
        }
        if (authAt > 0) {
            authenticate(call, call.arg(authAt + 1), call.arg(authAt + 2));
        }
        if (!call.session().isAuthenticated()) {
            throw new CommandError("NOAUTH HELLO must be called with the client already authenticated, otherwise the "
                    + "HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select "
                    + "the RESP protocol version at the same time");
        }
        if (nameAt > 0) {
            call.session().name(ClientCommands.validName(call, nameAt + 1, "Client names"));
        }
        call.session().protocol(protocol);
        writeHelloMap(call.reply(), call.session());
    }

    private static void writeHelloMap(Reply reply, Session session) {
        reply.map(7);
        reply.bulk("server");
        reply.bulk("redis");
        reply.bulk("version");
        reply.bulk(REDIS_VERSION);
        reply.bulk("proto");
        reply.integer(session.protocol());
        reply.bulk("id");
        reply.integer(session.id());
        reply.bulk("mode");
        reply.bulk("standalone");
        reply.bulk("role");
        reply.bulk("master");
        reply.bulk("modules");
        reply.array(0);
    }

    /** Authenticates the session as {@code user}, or fails with WRONGPASS. Only "default" exists. */
    private static void authenticate(Call call, byte[] user, byte[] password) {
        Optional<String> required = call.server().password();
        boolean userOk = MessageDigest.isEqual(user, DEFAULT_USER);
        boolean passwordOk = required.isEmpty()
                || MessageDigest.isEqual(password, required.get().getBytes(StandardCharsets.UTF_8));
        if (!userOk || !passwordOk) {
            throw WRONGPASS;
        }
        call.session().authenticated(true);
    }
}
