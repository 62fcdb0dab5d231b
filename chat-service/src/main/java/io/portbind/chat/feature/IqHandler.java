package io.portbind.chat.feature;

import io.portbind.chat.session.ClientSession;
import io.portbind.chat.xml.XmlElement;

/** Answers one kind of IQ request. Every call must lead to exactly one result or error reply. */
@FunctionalInterface
public interface IqHandler {

    /**
     * @param from     the sending session
     * @param iq       the request, {@code from} already stamped
     * @param payload  its single child element, whose namespace selected this handler
     */
    void handle(ClientSession from, XmlElement iq, XmlElement payload);
}
