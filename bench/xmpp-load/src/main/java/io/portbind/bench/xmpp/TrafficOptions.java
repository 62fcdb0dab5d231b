package io.portbind.bench.xmpp;

import picocli.CommandLine.Option;

/** How long message traffic runs and between how many pairs: shared by the scenarios that send messages. */
final class TrafficOptions {

    @Option(names = "--pairs", defaultValue = "50", description = "sender/receiver pairs (default: ${DEFAULT-VALUE})")
    int pairs;

    @Option(names = "--seconds", defaultValue = "10", description = "measured time (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--warmup-seconds", defaultValue = "2",
            description = "traffic before measuring starts, not counted (default: ${DEFAULT-VALUE})")
    int warmupSeconds;

    @Option(names = "--login-seconds", defaultValue = "60",
            description = "give up if the pairs are not all logged in by then (default: ${DEFAULT-VALUE})")
    int loginSeconds;

    long loginDeadline() {
        return System.nanoTime() + loginSeconds * 1_000_000_000L;
    }
}
