package io.portbind.chat.store;

import io.portbind.chat.xml.XmlElement;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.BareJid;

/** Messages kept for users with no available resource (RFC 6121 section 8.5.2.2.1). */
public interface OfflineStore {

    /** Keeps {@code message} for {@code owner}; completes with {@code false} when the owner's storage is full. */
    CompletionStage<Boolean> store(BareJid owner, XmlElement message);

    /** Removes and returns the owner's messages, oldest first, as XML text ready to be written to a client. */
    CompletionStage<List<String>> takeAll(BareJid owner);
}
