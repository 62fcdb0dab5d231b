package io.portbind.http;

/** The RESP store behind the service in a test: a real redis-server, an in-process kv-service or a hung store. */
interface StoreUnderTest extends AutoCloseable {

    /** The loopback port it listens on, the same after {@link #startAgain}. */
    int port();

    /** {@code redis://127.0.0.1:port}, for {@code KV_URL}. */
    default String url() {
        return "redis://127.0.0.1:" + port();
    }

    /** Stops the store, as an outage would; its data is gone. */
    void stop() throws InterruptedException;

    /** Starts an empty store on the same port again. */
    void startAgain();

    /** Stops the store for good at the end of a test class. */
    @Override
    default void close() throws InterruptedException {
        stop();
    }

    /** {@code store} once started, for the stores' factory methods. */
    static <T extends StoreUnderTest> T started(T store) {
        store.startAgain();
        return store;
    }
}
