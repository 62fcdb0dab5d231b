package io.portbind.bench.xmpp;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Logins per second: connect, STARTTLS, SASL, bind, presence, then close, with a fixed number in flight. */
@Command(name = "logins", description = "N full logins with C in flight; prints logins/s.")
final class LoginsScenario implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--count", defaultValue = "1000", description = "logins to perform (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--warmup-count", defaultValue = "0",
            description = "logins first performed and not counted, to warm up both sides (default: ${DEFAULT-VALUE})")
    int warmupCount;

    @Option(names = "--max-seconds", defaultValue = "60",
            description = "stop starting logins after this long (default: ${DEFAULT-VALUE})")
    int maxSeconds;

    @Override
    public Integer call() throws Exception {
        try (XmppConnector connector = new XmppConnector(target)) {
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            ConcurrentLogins.Outcome warmup = run(connector, warmupCount, deadline);
            ConcurrentLogins.Outcome outcome = warmup.failed() == 0 ? run(connector, count, deadline) : warmup;
            new ResultLine("logins")
                    .put("logins_per_s", outcome.perSecond())
                    .put("logins", outcome.succeeded())
                    .put("logins_total", outcome.succeeded() + (outcome == warmup ? 0 : warmup.succeeded()))
                    .put("failed", outcome.failed())
                    .put("seconds", outcome.elapsedNanos() / 1e9)
                    .put("first_failure", outcome.firstFailure())
                    .print();
            return outcome.succeeded() > 0 && outcome.failed() == 0 ? 0 : 1;
        }
    }

    private ConcurrentLogins.Outcome run(XmppConnector connector, int logins, long deadline)
            throws InterruptedException {
        return ConcurrentLogins.run(logins, target.concurrency, deadline,
                index -> connector.login(index, connector.nextLoop()), (index, session) -> session.close());
    }
}
