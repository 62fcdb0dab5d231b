package io.portbind.chat.negotiation;

import io.portbind.chat.session.ClientSession;
import io.portbind.chat.stream.StreamException;
import io.portbind.chat.xml.XmlElement;

/**
 * A part of stream negotiation (STARTTLS, SASL, registration, binding). Each feature advertises
 * itself in {@code <stream:features>} when it applies and handles its own elements, so the stream
 * handler holds no list of what is offered when.
 */
public interface StreamFeature {

    /** Adds this feature's advertisement to {@code features} if it applies to the session now. */
    void advertise(ClientSession session, XmlElement features);

    /**
     * Whether {@code element} is this feature's to handle in the session's current state. Features
     * that are only announced here and used through IQs (legacy session, roster versioning) accept nothing.
     */
    default boolean accepts(ClientSession session, XmlElement element) {
        return false;
    }

    /** Handles an element this feature accepted. */
    default void handle(ClientSession session, XmlElement element) throws StreamException {
        throw new IllegalStateException(getClass().getSimpleName() + " accepts no elements");
    }
}
