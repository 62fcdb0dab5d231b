package io.portbind.chat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The operator's accounts file goes into the store at start, however long it is: more accounts than the store
 * client queues at once, and each then logs in through any node.
 */
class AccountsFileIntoStoreTest {

    private static final int ACCOUNTS = 600;

    @Test
    void sixHundredAccountsFromTheFileOnNodeA_theLastLogsInOnNodeB() throws Exception {
        String[] lines = IntStream.range(0, ACCOUNTS).mapToObj(i -> "citizen" + i + ":verona").toArray(String[]::new);
        try (SharedStore store = SharedStore.kvService();
             ChatNodes nodes = new ChatNodes(store, Map.of())) {
            nodes.start(Map.of("CHAT_ACCOUNTS", XmppClients.accountsFile(lines).toString()));
            ChatTestServer b = nodes.start();
            nodes.login(b, "citizen" + (ACCOUNTS - 1), "verona", "square");
            nodes.login(b, "citizen0", "verona", "square");
        }
    }
}
