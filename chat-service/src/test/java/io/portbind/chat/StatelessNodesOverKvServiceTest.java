package io.portbind.chat;

import org.junit.jupiter.api.BeforeAll;

/** {@link StatelessNodesContract} with this project's kv-service, in-process, as the store. */
class StatelessNodesOverKvServiceTest extends StatelessNodesContract {

    @BeforeAll
    static void startStore() throws Exception {
        store = SharedStore.kvService();
    }
}
