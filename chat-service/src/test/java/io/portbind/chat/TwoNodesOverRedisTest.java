package io.portbind.chat;

import org.junit.jupiter.api.BeforeAll;

/** {@link TwoNodesContract} over a real redis-server 7. */
class TwoNodesOverRedisTest extends TwoNodesContract {

    @BeforeAll
    static void startStore() throws Exception {
        store = SharedStore.redisServer();
    }
}
