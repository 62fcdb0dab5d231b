package io.portbind.chat;

import org.junit.jupiter.api.BeforeAll;

/** {@link TwoNodesContract} over this project's kv-service, in-process. */
class TwoNodesOverKvServiceTest extends TwoNodesContract {

    @BeforeAll
    static void startStore() throws Exception {
        store = SharedStore.kvService();
    }
}
