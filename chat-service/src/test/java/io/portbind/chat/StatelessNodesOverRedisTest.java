package io.portbind.chat;

import org.junit.jupiter.api.BeforeAll;

/** {@link StatelessNodesContract} with a real redis-server 7 as the store, and no code change. */
class StatelessNodesOverRedisTest extends StatelessNodesContract {

    @BeforeAll
    static void startStore() throws Exception {
        store = SharedStore.redisServer();
    }
}
