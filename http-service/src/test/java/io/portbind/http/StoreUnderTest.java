package io.portbind.http;

/** The RESP store behind the service in a test: a real redis-server or an in-process kv-service. */
interface StoreUnderTest extends AutoCloseable {

    /** {@code redis://127.0.0.1:port}, for {@code KV_URL}. */
    String url();

    /** Stops the store, as an outage would; its data is gone. */
    void stop() throws InterruptedException;

    /** Starts an empty store on the same port again. */
    void startAgain();
}
