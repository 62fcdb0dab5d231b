package io.portbind.chat.session;

/**
 * What the other nodes of the server must hear of this node's sessions so they can route to them: binding,
 * a change of presence or roster interest, the end. A single node has nobody to tell ({@link #NONE}).
 */
public interface SessionEvents {

    SessionEvents NONE = new SessionEvents() {
        @Override
        public void bound(ClientSession session) {
        }

        @Override
        public void changed(ClientSession session) {
        }

        @Override
        public void unbound(ClientSession session) {
        }
    };

    void bound(ClientSession session);

    void changed(ClientSession session);

    void unbound(ClientSession session);
}
