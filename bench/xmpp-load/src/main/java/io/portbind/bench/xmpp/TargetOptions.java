package io.portbind.bench.xmpp;

import picocli.CommandLine.Option;

/** Where to connect and as whom: the options every scenario shares. */
final class TargetOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "server address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", required = true, split = ",",
            description = "server's client-to-server port; several, separated by commas, for the nodes of one "
            + "server: account i connects to the (i mod n)th, so the two sides of each pair are on different nodes")
    int[] ports;

    @Option(names = "--domain", defaultValue = "localhost", description = "XMPP domain (default: ${DEFAULT-VALUE})")
    String domain;

    @Option(names = "--user-prefix", defaultValue = "load",
            description = "accounts are <prefix>0 .. <prefix>(accounts-1) (default: ${DEFAULT-VALUE})")
    String userPrefix;

    @Option(names = "--accounts", defaultValue = "1000",
            description = "how many accounts exist (default: ${DEFAULT-VALUE})")
    int accounts;

    @Option(names = "--password", defaultValue = "load-password",
            description = "every account's password (default: ${DEFAULT-VALUE})")
    String password;

    @Option(names = "--sasl", defaultValue = "PLAIN",
            description = "SASL mechanism: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Mechanism mechanism;

    @Option(names = "--threads", defaultValue = "2", description = "client event loops (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--concurrency", defaultValue = "50",
            description = "logins in flight at once (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--login-timeout-seconds", defaultValue = "10",
            description = "give up on one login after this long (default: ${DEFAULT-VALUE})")
    int loginTimeoutSeconds;

    /** The local part of account number {@code index}, wrapping around the accounts that exist. */
    String user(int index) {
        return userPrefix + Math.floorMod(index, accounts);
    }
}
