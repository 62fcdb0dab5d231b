package io.portbind.bench.xmpp;

import java.util.function.BiFunction;

/** The SASL mechanisms the load generator can log in with; the same one is used against every server. */
enum Mechanism {
    PLAIN("PLAIN", PlainClient::new),
    SCRAM_SHA_1("SCRAM-SHA-1", ScramSha1Client::new);

    private final String saslName;
    private final BiFunction<String, String, SaslClient> factory;

    Mechanism(String saslName, BiFunction<String, String, SaslClient> factory) {
        this.saslName = saslName;
        this.factory = factory;
    }

    /** The name as servers advertise it in {@code <mechanisms/>}. */
    String saslName() {
        return saslName;
    }

    SaslClient newClient(String user, String password) {
        return factory.apply(user, password);
    }
}
