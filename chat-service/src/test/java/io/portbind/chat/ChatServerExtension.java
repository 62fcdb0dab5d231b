package io.portbind.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process chat-service for a test class, and the Smack clients each test brings in: they are
 * all disconnected when the test ends, the server when the class ends.
 */
final class ChatServerExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private final Map<String, String> environment;
    private final String[] accounts;
    private final List<XMPPTCPConnection> connections = new ArrayList<>();
    private ChatTestServer server;

    private ChatServerExtension(Map<String, String> environment, String[] accounts) {
        this.environment = environment;
        this.accounts = accounts;
    }

    /** A server with these {@code user:password} accounts in its accounts file. */
    static ChatServerExtension withAccounts(String... accounts) {
        return new ChatServerExtension(Map.of(), accounts);
    }

    /** A server with these settings, given as environment variables, and the accounts. */
    static ChatServerExtension with(Map<String, String> environment, String... accounts) {
        return new ChatServerExtension(environment, accounts);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        if (accounts.length > 0) {
            env.put("CHAT_ACCOUNTS", XmppClients.accountsFile(accounts).toString());
        }
        server = ChatTestServer.start(env);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        connections.forEach(XMPPTCPConnection::disconnect);
        connections.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    ChatTestServer server() {
        return server;
    }

    int port() {
        return server.port();
    }

    /**
     * Logged in as {@code user}/{@code resource} over TLS, initial presence sent, roster loaded: Smack
     * handles the roster result and pushes on different threads, so a push racing the first load
     * could otherwise be lost on the client side.
     */
    XMPPTCPConnection login(String user, String password, String resource) throws Exception {
        XMPPTCPConnection connection = notYetConnected(user, password, resource);
        connection.connect().login();
        Eventually.assertEventually(user + "'s roster loaded", Roster.getInstanceFor(connection)::isLoaded);
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

    /** Disconnects {@code connection} when the test ends. */
    XMPPTCPConnection track(XMPPTCPConnection connection) {
        connections.add(connection);
        return connection;
    }
}
