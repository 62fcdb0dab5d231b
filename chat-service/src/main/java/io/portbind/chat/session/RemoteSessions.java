package io.portbind.chat.session;

import java.util.List;
import org.jxmpp.jid.BareJid;

/** The resources bound on the server's other nodes, as this node last heard; none for a single node. */
public interface RemoteSessions {

    RemoteSessions NONE = user -> List.of();

    /** The user's resources bound on other nodes. */
    List<? extends Resource> of(BareJid user);
}
