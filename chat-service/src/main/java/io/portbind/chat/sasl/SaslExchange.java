package io.portbind.chat.sasl;

import java.util.concurrent.CompletionStage;

/** The server side of one authentication attempt with one mechanism. */
public interface SaslExchange {

    /**
     * Answers the client's next message: the initial response first ({@code null} when the client
     * sent none), then each response to a challenge.
     */
    CompletionStage<SaslStep> step(byte[] message);

    /** The normalized name the client logs in as, once a message has named a valid one; else {@code null}. */
    String username();
}
