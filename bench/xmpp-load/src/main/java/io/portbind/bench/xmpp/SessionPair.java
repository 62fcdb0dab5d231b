package io.portbind.bench.xmpp;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A sender and its partner, logged in on the same event loop so that what the receiver gets can drive
 * the sender without a thread hop. Account 2i sends to account 2i+1.
 */
record SessionPair(XmppSession sender, XmppSession receiver) {

    /** Logs in {@code pairs} pairs; fails unless every session is ready. */
    static List<SessionPair> login(XmppConnector connector, TargetOptions target, int pairs, long deadlineNanos)
            throws InterruptedException {
        if (pairs * 2 > target.accounts) {
            throw new IllegalArgumentException(pairs + " pairs need " + pairs * 2 + " accounts, there are "
                    + target.accounts);
        }
        EventLoop[] loops = new EventLoop[pairs];
        for (int i = 0; i < pairs; i++) {
            loops[i] = connector.nextLoop();
        }
        AtomicReferenceArray<XmppSession> sessions = new AtomicReferenceArray<>(pairs * 2);
        ConcurrentLogins.Outcome outcome = ConcurrentLogins.run(pairs * 2, target.concurrency, deadlineNanos,
                index -> connector.login(index, loops[index / 2]), sessions::set);
        List<SessionPair> result = new ArrayList<>(pairs);
        for (int i = 0; i < pairs; i++) {
            result.add(new SessionPair(sessions.get(2 * i), sessions.get(2 * i + 1)));
        }
        if (outcome.succeeded() != pairs * 2) {
            closeAll(result);
            throw new IllegalStateException(outcome.failed() + " of " + pairs * 2 + " logins failed; first: "
                    + outcome.firstFailure());
        }
        return result;
    }

    static void closeAll(List<SessionPair> pairs) {
        for (SessionPair pair : pairs) {
            if (pair.sender != null) {
                pair.sender.close();
            }
            if (pair.receiver != null) {
                pair.receiver.close();
            }
        }
    }
}
