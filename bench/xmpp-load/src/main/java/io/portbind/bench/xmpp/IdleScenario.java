package io.portbind.bench.xmpp;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReferenceArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Idle sessions: logs in S sessions, prints its result line once they are all ready, then holds them
 * without traffic so that the caller can measure the server's memory, and closes them.
 */
@Command(name = "idle", description = "Log in S sessions and hold them idle; prints a line once all are ready.")
final class IdleScenario implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Option(names = "--sessions", defaultValue = "1000", description = "sessions to hold (default: ${DEFAULT-VALUE})")
    int sessions;

    @Option(names = "--first-account", defaultValue = "0",
            description = "log in accounts first .. first+sessions-1 (default: ${DEFAULT-VALUE})")
    int firstAccount;

    @Option(names = "--hold-seconds", defaultValue = "30",
            description = "how long to hold them before closing (default: ${DEFAULT-VALUE})")
    int holdSeconds;

    @Option(names = "--max-seconds", defaultValue = "120",
            description = "give up logging in after this long (default: ${DEFAULT-VALUE})")
    int maxSeconds;

    @Override
    public Integer call() throws Exception {
        if (firstAccount + sessions > target.accounts) {
            throw new IllegalArgumentException("accounts " + firstAccount + " .. " + (firstAccount + sessions - 1)
                    + " do not all exist: there are " + target.accounts);
        }
        try (XmppConnector connector = new XmppConnector(target)) {
            AtomicReferenceArray<XmppSession> held = new AtomicReferenceArray<>(sessions);
            long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
            ConcurrentLogins.Outcome outcome = ConcurrentLogins.run(sessions, target.concurrency, deadline,
                    index -> connector.login(firstAccount + index, connector.nextLoop()), held::set);
            new ResultLine("idle")
                    .put("sessions", outcome.succeeded())
                    .put("failed", outcome.failed())
                    .put("seconds", outcome.elapsedNanos() / 1e9)
                    .put("first_failure", outcome.firstFailure())
                    .print();
            if (outcome.failed() == 0) {
                Thread.sleep(holdSeconds * 1000L);
            }
            for (int i = 0; i < sessions; i++) {
                XmppSession session = held.get(i);
                if (session != null) {
                    session.close();
                }
            }
            return outcome.failed() == 0 ? 0 : 1;
        }
    }
}
