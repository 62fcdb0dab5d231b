package io.portbind.bench.xmpp;

import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Round-trip latency at a fixed total rate: messages go out on a schedule (round robin over the pairs),
 * each carrying its scheduled send time, and the receiver records arrival minus that time. Measuring
 * from the schedule rather than from the actual write means a stalled server shows up as latency
 * instead of silently lowering the rate.
 */
@Command(name = "latency", description = "R messages/s over P pairs for D seconds; prints p50/p99 in ms.")
final class LatencyScenario implements Callable<Integer> {

    private static final long TICK_MICROS = 1000;

    @Mixin
    TargetOptions target;

    @Mixin
    TrafficOptions traffic;

    @Option(names = "--rate", defaultValue = "1000",
            description = "messages per second in total (default: ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--drain-seconds", defaultValue = "2",
            description = "how long to wait for the last messages (default: ${DEFAULT-VALUE})")
    int drainSeconds;

    @Override
    public Integer call() throws Exception {
        try (XmppConnector connector = new XmppConnector(target)) {
            List<SessionPair> sessions = SessionPair.login(connector, target, traffic.pairs, traffic.loginDeadline());
            LatencyHistogram histogram = new LatencyHistogram();
            LongAdder received = new LongAdder();
            long start = System.nanoTime();
            long recordFrom = start + traffic.warmupSeconds * 1_000_000_000L;
            long end = recordFrom + traffic.seconds * 1_000_000_000L;
            XmppSession.Listener recorder = new Recorder(histogram, received, recordFrom);
            for (SessionPair pair : sessions) {
                pair.receiver().listen(recorder);
            }
            Schedule schedule = new Schedule(sessions, start, end);
            ScheduledFuture<?> ticker = connector.nextLoop()
                    .scheduleAtFixedRate(schedule::sendDue, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
            Thread.sleep((end - System.nanoTime()) / 1_000_000L + drainSeconds * 1000L);
            ticker.cancel(false);
            SessionPair.closeAll(sessions);
            long recorded = histogram.count();
            long expected = (long) traffic.seconds * rate;
            new ResultLine("latency")
                    .put("p50_ms", histogram.percentile(50) / 1000.0)
                    .put("p99_ms", histogram.percentile(99) / 1000.0)
                    .put("max_ms", histogram.percentile(100) / 1000.0)
                    .put("recorded", recorded)
                    .put("lost", Math.max(0, expected - recorded))
                    .put("received_total", received.sum())
                    .put("rate", rate)
                    .print();
            return recorded > 0 ? 0 : 1;
        }
    }

    /** Sends every message whose scheduled time has come; runs on one event loop every millisecond. */
    private final class Schedule {

        private final List<SessionPair> sessions;
        private final long start;
        private final long end;
        private long sent;

        Schedule(List<SessionPair> sessions, long start, long end) {
            this.sessions = sessions;
            this.start = start;
            this.end = end;
        }

        void sendDue() {
            long now = Math.min(System.nanoTime(), end);
            long due = (now - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                SessionPair pair = sessions.get((int) (sent % sessions.size()));
                long scheduled = start + sent * 1_000_000_000L / rate;
                byte[] message = Stanzas.chat(pair.receiver().jid(), Long.toString(scheduled));
                pair.sender().writeAndFlush(Unpooled.wrappedBuffer(message));
            }
        }
    }

    /** Records arrival minus scheduled send time, in microseconds, for messages scheduled after warm-up. */
    private record Recorder(LatencyHistogram histogram, LongAdder received, long recordFrom)
            implements XmppSession.Listener {

        @Override
        public void onMessage(XmppSession session, XmlElement message) {
            long now = System.nanoTime();
            XmlElement body = message.child("body");
            if (body == null) {
                return;
            }
            received.increment();
            long scheduled = Long.parseLong(body.text());
            if (scheduled >= recordFrom) {
                histogram.record((now - scheduled) / 1000);
            }
        }

        @Override
        public void onReadComplete(XmppSession session) {
            // nothing to flush: receivers only read
        }
    }
}
