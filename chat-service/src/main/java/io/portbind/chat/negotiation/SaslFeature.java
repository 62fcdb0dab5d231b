package io.portbind.chat.negotiation;

import io.netty.util.AttributeKey;
import io.portbind.chat.Host;
import io.portbind.chat.account.DecoyAccounts;
import io.portbind.chat.sasl.PlainExchange;
import io.portbind.chat.sasl.SaslExchange;
import io.portbind.chat.sasl.SaslFailure;
import io.portbind.chat.sasl.SaslStep;
import io.portbind.chat.sasl.ScramAlgorithm;
import io.portbind.chat.sasl.ScramExchange;
import io.portbind.chat.session.ClientSession;
import io.portbind.chat.session.Phase;
import io.portbind.chat.stream.StreamError;
import io.portbind.chat.throttle.ClientNetwork;
import io.portbind.chat.throttle.LoginBackoff;
import io.portbind.chat.xml.XmlElement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SASL authentication (RFC 6120 section 6) with SCRAM-SHA-256, SCRAM-SHA-1 and PLAIN, offered only
 * once the stream is encrypted unless plaintext is allowed. A failure is answered after a delay
 * scheduled on the event loop, and too many failures end the stream. Across streams, the
 * {@link LoginBackoff} refuses logins with {@code temporary-auth-failure} while their account name or
 * client network is in backoff after wrong passwords, whatever password they bring.
 */
public final class SaslFeature implements StreamFeature {

    public static final String NAMESPACE = "urn:ietf:params:xml:ns:xmpp-sasl";
    static final Duration FAILURE_DELAY = Duration.ofMillis(300);
    /** RFC 6120 section 6.4.5 asks for a limit between 2 and 5 retries. */
    static final int MAX_FAILURES = 5;
    private static final String PLAIN = "PLAIN";
    private static final Logger LOG = LoggerFactory.getLogger(SaslFeature.class);
    private static final AttributeKey<SaslExchange> EXCHANGE = AttributeKey.valueOf(SaslFeature.class, "exchange");

    private final Host host;
    private final LoginBackoff backoff;
    private final DecoyAccounts decoys = new DecoyAccounts();

    public SaslFeature(Host host, LoginBackoff backoff) {
        this.host = host;
        this.backoff = backoff;
    }

    @Override
    public void advertise(ClientSession session, XmlElement features) {
        if (session.phase() == Phase.CONNECTED && host.mayAuthenticate(session)) {
            XmlElement mechanisms = features.addChild("mechanisms", NAMESPACE);
            for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
                mechanisms.addTextChild("mechanism", algorithm.mechanism());
            }
            mechanisms.addTextChild("mechanism", PLAIN);
        }
    }

    @Override
    public boolean accepts(ClientSession session, XmlElement element) {
        return session.phase() == Phase.CONNECTED && element.namespace().equals(NAMESPACE);
    }

    @Override
    public void handle(ClientSession session, XmlElement element) {
        switch (element.name()) {
            case "auth" -> start(session, element);
            case "response" -> {
                SaslExchange exchange = session.channel().attr(EXCHANGE).get();
                if (exchange == null) {
                    fail(session, SaslFailure.MALFORMED_REQUEST);
                } else {
                    step(session, exchange, element.text());
                }
            }
            case "abort" -> fail(session, SaslFailure.ABORTED);
            default -> fail(session, SaslFailure.MALFORMED_REQUEST);
        }
    }

    private void start(ClientSession session, XmlElement auth) {
        if (!host.mayAuthenticate(session)) {
            fail(session, SaslFailure.ENCRYPTION_REQUIRED);
            return;
        }
        SaslExchange exchange = exchange(String.valueOf(auth.attribute("mechanism")));
        if (exchange == null) {
            fail(session, SaslFailure.INVALID_MECHANISM);
            return;
        }
        // Refused before any work, so a network in backoff cannot keep the hashing pool busy either.
        session.onLoop(backoff.blocks(network(session), null), blocked -> {
            if (blocked) {
                fail(session, SaslFailure.TEMPORARY_AUTH_FAILURE);
                return;
            }
            session.channel().attr(EXCHANGE).set(exchange);
            String initial = auth.text().strip();
            if (initial.isEmpty()) {
                onLoop(session, exchange, exchange.step(null));
            } else {
                step(session, exchange, initial);
            }
        }, failure -> storeUnavailable(session, failure));
    }

    private SaslExchange exchange(String mechanism) {
        for (ScramAlgorithm algorithm : ScramAlgorithm.values()) {
            if (algorithm.mechanism().equals(mechanism)) {
                return new ScramExchange(algorithm, host.accounts(), decoys);
            }
        }
        return PLAIN.equals(mechanism) ? new PlainExchange(host.accounts(), host.hasher(), decoys) : null;
    }

    /**
     * Decodes one base64 message ("=" stands for an empty one) and passes it to the exchange. The decoding is
     * strict (RFC 4648 section 4, as RFC 6120 section 6.4.2 asks): a stray character is an error, not skipped.
     */
    private void step(ClientSession session, SaslExchange exchange, String text) {
        byte[] message;
        try {
            String trimmed = text.strip();
            message = "=".equals(trimmed) ? new byte[0] : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            fail(session, SaslFailure.INCORRECT_ENCODING);
            return;
        }
        onLoop(session, exchange, exchange.step(message));
    }

    /** Answers the step once it is done; a store that cannot be reached makes it {@code temporary-auth-failure}. */
    private void onLoop(ClientSession session, SaslExchange exchange, CompletionStage<SaslStep> step) {
        session.onLoop(step, done -> answer(session, exchange, done), failure -> storeUnavailable(session, failure));
    }

    private void storeUnavailable(ClientSession session, Throwable failure) {
        LOG.warn("login failed for want of the store: {}", failure.toString());
        fail(session, SaslFailure.TEMPORARY_AUTH_FAILURE);
    }

    /**
     * Sends what the exchange answered, unless the backoff holds the name or network: then the attempt is
     * refused whatever the exchange said, so a guess made during the backoff teaches nothing.
     */
    private void answer(ClientSession session, SaslExchange exchange, SaslStep step) {
        String username = exchange.username();
        if (username == null) {
            answer(session, exchange, step, false);
        } else {
            session.onLoop(backoff.blocks(network(session), username),
                    blocked -> answer(session, exchange, step, blocked), failure -> storeUnavailable(session, failure));
        }
    }

    private void answer(ClientSession session, SaslExchange exchange, SaslStep step, boolean blocked) {
        String network = network(session);
        String username = exchange.username();
        if (blocked) {
            fail(session, SaslFailure.TEMPORARY_AUTH_FAILURE);
        } else if (step.isFailure()) {
            if (step.failure() == SaslFailure.NOT_AUTHORIZED) {
                backoff.failed(network, username);
            }
            fail(session, step.failure());
        } else if (step.isSuccess()) {
            backoff.succeeded(username);
            session.channel().attr(EXCHANGE).set(null);
            session.authenticated(JidCreate.entityBareFrom(Localpart.fromOrThrowUnchecked(step.username()),
                    host.domain()));
            session.send(withData(XmlElement.of("success", NAMESPACE), step.data()));
            session.stream().restart();
        } else {
            session.send(withData(XmlElement.of("challenge", NAMESPACE), step.data()));
        }
    }

    private static String network(ClientSession session) {
        return ClientNetwork.of(session.channel().remoteAddress());
    }

    private static XmlElement withData(XmlElement element, byte[] data) {
        return data.length == 0 ? element : element.addText(Base64.getEncoder().encodeToString(data));
    }

    private void fail(ClientSession session, SaslFailure failure) {
        session.channel().attr(EXCHANGE).set(null);
        int failures = session.failedAuthentication();
        XmlElement reply = XmlElement.of("failure", NAMESPACE);
        reply.addChild(failure.condition(), NAMESPACE);
        session.channel().eventLoop().schedule(() -> {
            session.send(reply);
            if (failures >= MAX_FAILURES) {
                session.fail(StreamError.POLICY_VIOLATION);
            }
        }, FAILURE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
    }
}
