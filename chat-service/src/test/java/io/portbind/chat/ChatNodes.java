package io.portbind.chat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.iqregister.AccountManager;
import org.jxmpp.jid.parts.Localpart;

/**
 * Several in-process chat-service nodes of one domain over one store, and the Smack clients a test brings in;
 * {@link #close} disconnects the clients and stops the nodes. Each instance writes under a key prefix of its
 * own, so tests sharing a store do not see each other's accounts.
 */
final class ChatNodes implements AutoCloseable {

    private static int instances;

    private final Map<String, String> environment = new HashMap<>();
    private final List<ChatTestServer> nodes = new ArrayList<>();
    private final List<XMPPTCPConnection> connections = new ArrayList<>();

    ChatNodes(SharedStore store, Map<String, String> settings) {
        environment.put("KV_URL", store.url());
        environment.put("CHAT_KEY_PREFIX", "test" + nextInstance() + ":");
        environment.putAll(settings);
    }

    private static synchronized int nextInstance() {
        return ++instances;
    }

    /** The prefix of this instance's keys, for a node started some other way. */
    String keyPrefix() {
        return environment.get("CHAT_KEY_PREFIX");
    }

    /** A new node with the shared settings. */
    ChatTestServer start() {
        return start(Map.of());
    }

    /** A new node with the shared settings and some of its own, such as an accounts file. */
    ChatTestServer start(Map<String, String> own) {
        Map<String, String> settings = new HashMap<>(environment);
        settings.putAll(own);
        ChatTestServer node = ChatTestServer.start(settings);
        nodes.add(node);
        return node;
    }

    /** Stops every node and disconnects every client, as a redeployment of all processes would. */
    void stopAll() {
        connections.forEach(XMPPTCPConnection::disconnect);
        connections.clear();
        nodes.forEach(ChatTestServer::close);
        nodes.clear();
    }

    /** Logged in to {@code node} as {@code user}/{@code resource}, initial presence sent, roster loaded. */
    XMPPTCPConnection login(ChatTestServer node, String user, String password, String resource) throws Exception {
        XMPPTCPConnection connection = notYetConnected(node, user, password, resource);
        connection.connect().login();
        Eventually.assertEventually(user + "'s roster loaded", Roster.getInstanceFor(connection)::isLoaded);
        return connection;
    }

    /** Configured for {@code user} on {@code node} but not connected, so listeners can be added before login. */
    XMPPTCPConnection notYetConnected(ChatTestServer node, String user, String password, String resource)
            throws Exception {
        return track(new XMPPTCPConnection(XmppClients.configuration(node).setUsernameAndPassword(user, password)
                .setResource(resource).build()));
    }

    /** Connected to {@code node} without logging in. */
    XMPPTCPConnection anonymous(ChatTestServer node) throws Exception {
        XMPPTCPConnection connection = track(new XMPPTCPConnection(XmppClients.configuration(node).build()));
        connection.connect();
        return connection;
    }

    /** Registers {@code user} in-band through {@code node}. */
    void register(ChatTestServer node, String user, String password) throws Exception {
        AccountManager.getInstance(anonymous(node)).createAccount(Localpart.from(user), password);
    }

    /** Registers romeo (password r) and juliet (password j) through {@code node}. */
    void registerRomeoAndJuliet(ChatTestServer node) throws Exception {
        register(node, "romeo", "r");
        register(node, "juliet", "j");
    }

    XMPPTCPConnection track(XMPPTCPConnection connection) {
        connections.add(connection);
        return connection;
    }

    @Override
    public void close() {
        stopAll();
    }
}
