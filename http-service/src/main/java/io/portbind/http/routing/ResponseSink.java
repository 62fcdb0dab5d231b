package io.portbind.http.routing;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.Optional;

/** Where an exchange's answer goes: the connection, which keeps pipelined answers in order. */
public interface ResponseSink {

    /** Sends the response to {@code exchange}; may be called from any thread, once. */
    void complete(Exchange exchange, FullHttpResponse response);

    /**
     * Turns the connection into a Server-Sent Events stream answering {@code exchange}; empty when the
     * request was HEAD, which is answered with the stream's headers alone.
     */
    Optional<EventStream> openEventStream(Exchange exchange);
}
