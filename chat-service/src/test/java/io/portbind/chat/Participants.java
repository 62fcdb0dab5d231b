package io.portbind.chat;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/** The Smack clients one test brings in; all of them leave when the test ends. */
final class Participants implements AutoCloseable {

    private final ChatTestServer server;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    Participants(ChatTestServer server) {
        this.server = server;
    }

    /** Logged in as {@code user}/{@code resource} over TLS, initial presence sent. */
    XMPPTCPConnection login(String user, String password, String resource) throws Exception {
        XMPPTCPConnection connection = notYetConnected(user, password, resource);
        connection.connect().login();
        return connection;
    }

    /** Configured for {@code user} but not connected, so listeners can be added before login. */
    XMPPTCPConnection notYetConnected(String user, String password, String resource) throws Exception {
        return track(new XMPPTCPConnection(XmppClients.configuration(server)
                .setUsernameAndPassword(user, password).setResource(resource).build()));
    }

    /** Connected over TLS without logging in, as a client about to register. */
    XMPPTCPConnection anonymous() throws Exception {
        XMPPTCPConnection connection = track(new XMPPTCPConnection(XmppClients.configuration(server).build()));
        connection.connect();
        return connection;
    }

    XMPPTCPConnection track(XMPPTCPConnection connection) {
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        connections.forEach(XMPPTCPConnection::disconnect);
    }
}
