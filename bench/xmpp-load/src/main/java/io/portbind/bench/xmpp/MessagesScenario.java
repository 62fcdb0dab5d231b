package io.portbind.bench.xmpp;

import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Message throughput: every sender keeps {@code window} messages to its partner outstanding and sends
 * one more for each one the partner receives; delivered messages are counted at the receivers.
 */
@Command(name = "messages", description = "P pairs, window W, D seconds; prints delivered messages/s.")
final class MessagesScenario implements Callable<Integer> {

    @Mixin
    TargetOptions target;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--window", defaultValue = "16",
            description = "messages each sender keeps outstanding (default: ${DEFAULT-VALUE})")
    int window;

    @Option(names = "--max-messages", defaultValue = "10000000",
            description = "stop sending after this many in total, whatever the time (default: ${DEFAULT-VALUE})")
    long maxMessages;

    @Option(names = "--body-bytes", defaultValue = "64",
            description = "message body length (default: ${DEFAULT-VALUE})")
    int bodyBytes;

    @Override
    public Integer call() throws Exception {
        try (XmppConnector connector = new XmppConnector(target)) {
            List<SessionPair> sessions = SessionPair.login(connector, target, traffic.pairs, traffic.loginDeadline());
            long countFrom = System.nanoTime() + traffic.warmupSeconds * 1_000_000_000L;
            long countUntil = countFrom + traffic.seconds * 1_000_000_000L;
            LongAdder delivered = new LongAdder();
            List<Flow> flows = new ArrayList<>(traffic.pairs);
            for (SessionPair pair : sessions) {
                Flow flow = new Flow(pair, "x".repeat(bodyBytes), countFrom, countUntil, delivered);
                flows.add(flow);
                pair.receiver().eventLoop().execute(flow::start);
            }
            Thread.sleep((countUntil - System.nanoTime()) / 1_000_000L + 1);
            long sent = flows.stream().mapToLong(flow -> flow.sent).sum();
            SessionPair.closeAll(sessions);
            new ResultLine("messages")
                    .put("messages_per_s", delivered.sum() / (double) traffic.seconds)
                    .put("delivered", delivered.sum())
                    .put("sent_total", sent)
                    .put("pairs", traffic.pairs)
                    .put("window", window)
                    .put("seconds", traffic.seconds)
                    .print();
            return delivered.sum() > 0 ? 0 : 1;
        }
    }

    /** One pair's traffic, driven entirely from the pair's event loop. */
    private final class Flow implements XmppSession.Listener {

        private final SessionPair pair;
        private final byte[] message;
        private final long countFrom;
        private final long countUntil;
        private final LongAdder delivered;
        private int credits;
        /** Read by the main thread only after sending stopped, for the summary. */
        private volatile long sent;

        Flow(SessionPair pair, String body, long countFrom, long countUntil, LongAdder delivered) {
            this.pair = pair;
            this.message = Stanzas.chat(pair.receiver().jid(), body);
            this.countFrom = countFrom;
            this.countUntil = countUntil;
            this.delivered = delivered;
        }

        void start() {
            pair.receiver().listen(this);
            send(window);
        }

        @Override
        public void onMessage(XmppSession session, XmlElement received) {
            long now = System.nanoTime();
            if (now >= countFrom && now < countUntil) {
                delivered.increment();
            }
            credits++;
        }

        @Override
        public void onReadComplete(XmppSession session) {
            if (credits > 0 && System.nanoTime() < countUntil) {
                send(credits);
            }
            credits = 0;
        }

        /** Sends up to {@code wanted}, never more than this pair's share of {@code --max-messages}. */
        private void send(int wanted) {
            int messages = (int) Math.min(wanted, maxMessages / traffic.pairs - sent);
            XmppSession sender = pair.sender();
            for (int i = 0; i < messages; i++) {
                sender.write(Unpooled.wrappedBuffer(message));
            }
            sender.flush();
            sent += messages;
        }
    }
}
