package io.portbind.chat.negotiation;

import io.portbind.chat.Host;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.xml.XmlElement;

/** STARTTLS (RFC 6120 section 5): offered until the stream is encrypted, required unless plaintext is allowed. */
public final class StartTlsFeature implements StreamFeature {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-tls";

    private final Host host;

    public StartTlsFeature(Host host) {
        this.host = host;
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (!session.isSecure() && session.phase() == Phase.CONNECTED) {
            XmlElement starttls = features.addChild("starttls", NAMESPACE);
            if (!host.allowPlaintext()) {
                starttls.addChild("required", NAMESPACE);
            }
        }
    }

    @Override
    public boolean accepts(ClientSession session, XmlElement element) {
        return element.is("starttls", NAMESPACE) && session.phase() == Phase.CONNECTED && !session.isSecure();
    }

    @Override
    public void handle(ClientSession session, XmlElement element) {
        session.stream().startTls();
    }
}
