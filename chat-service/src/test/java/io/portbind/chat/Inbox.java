package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Stanza;

/** The stanzas of one kind a client receives, to wait for in order: a synchronous listener keeps that order. */
final class Inbox<T extends Stanza> {

    private final BlockingQueue<T> received = new LinkedBlockingQueue<>();

    private Inbox() {
    }

    @SuppressWarnings("unchecked")
    static <T extends Stanza> Inbox<T> of(XMPPConnection connection, StanzaFilter filter) {
        Inbox<T> inbox = new Inbox<>();
        connection.addSyncStanzaListener(stanza -> inbox.received.add((T) stanza), filter);
        return inbox;
    }

    /** The next stanza, failing if none arrives in time. */
    T next() throws InterruptedException {
        T stanza = received.poll(XmppClients.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(stanza, "nothing received");
        return stanza;
    }

    /** Asserts that nothing more arrives within a short while. */
    void expectNothing() throws InterruptedException {
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    }
}
