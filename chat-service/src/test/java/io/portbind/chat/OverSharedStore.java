package io.portbind.chat;

import org.junit.jupiter.api.AfterAll;

/** Tests whose nodes share one store: the subclass starts it in its {@code @BeforeAll}, it stops after the class. */
abstract class OverSharedStore {

    static SharedStore store;

    @AfterAll
    static void stopStore() throws Exception {
        store.close();
    }
}
