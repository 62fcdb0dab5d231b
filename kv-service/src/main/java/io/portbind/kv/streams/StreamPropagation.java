package io.portbind.kv.streams;

import io.portbind.kv.table.Call;
import io.portbind.kv.table.Effects;
import java.nio.charset.StandardCharsets;

/**
 * How stream commands reach the AOF, as Redis's t_stream.c rewrites them: XADD with the id it generated, an
 * approximate trim as the exact trim it turned out to be, and deliveries to a group as the XCLAIM and XGROUP SETID
 * that recreate the group's state.
 */
final class StreamPropagation {

    private static final byte[] EXACT = {'='};
    private static final byte[] XCLAIM = ascii("XCLAIM");
    private static final byte[] XGROUP = ascii("XGROUP");
    private static final byte[] SETID = ascii("SETID");
    private static final byte[] ENTRIESREAD = ascii("ENTRIESREAD");
    private static final byte[] CREATECONSUMER = ascii("CREATECONSUMER");
    private static final byte[] ZERO = {'0'};
    private static final byte[] TIME = ascii("TIME");
    private static final byte[] RETRYCOUNT = ascii("RETRYCOUNT");
    private static final byte[] FORCE = ascii("FORCE");
    private static final byte[] JUSTID = ascii("JUSTID");
    private static final byte[] LASTID = ascii("LASTID");

    private StreamPropagation() {
    }

    /** XADD as propagated: {@code generated} (null when the id was given whole) in place of the id argument. */
    static void xadd(Call call, Trim trim, StreamValue stream, StreamId generated) {
        byte[][] argv = trim.approximate() ? exactTrim(call.args(), trim, stream) : call.args().clone();
        if (generated != null) {
            argv[trim.idIndex()] = generated.toBytes();
        }
        call.propagateAs(argv);
    }

    /**
     * The arguments with {@code ~} made {@code =} and the threshold made what the stream now is: its length for
     * MAXLEN, its first id for MINID (Redis's streamRewriteApproxSpecifier and streamRewriteTrimArgument), so that
     * loading the AOF trims exactly as much.
     */
    static byte[][] exactTrim(byte[][] args, Trim trim, StreamValue stream) {
        byte[][] argv = args.clone();
        argv[trim.thresholdIndex() - 1] = EXACT;
        argv[trim.thresholdIndex()] = trim.strategy() == Trim.Strategy.MAXLEN ? Effects.number(stream.length())
                : (stream.length() == 0 ? StreamId.MAX : stream.firstId()).toBytes();
        return argv;
    }

    /**
     * {@code XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID LASTID last}: the state of one
     * pending entry, or its removal when {@code entry}'s stream entry is gone (Redis's streamPropagateXCLAIM).
     */
    static byte[][] xclaim(byte[] key, byte[] group, ConsumerGroup state, StreamId id, PendingEntry entry) {
        return new byte[][] {XCLAIM, key, group, entry.consumer().name(), ZERO, id.toBytes(), TIME,
            Effects.number(entry.deliveryTime()), RETRYCOUNT, Effects.number(entry.deliveryCount()), FORCE, JUSTID,
            LASTID, state.lastId().toBytes()};
    }

    /** {@code XGROUP SETID key group last ENTRIESREAD n} (Redis's streamPropagateGroupID). */
    static byte[][] setId(byte[] key, byte[] group, ConsumerGroup state) {
        return new byte[][] {XGROUP, SETID, key, group, state.lastId().toBytes(), ENTRIESREAD,
            Effects.number(state.entriesRead())};
    }

    /** {@code XGROUP CREATECONSUMER key group consumer} (Redis's streamPropagateConsumerCreation). */
    static byte[][] createConsumer(byte[] key, byte[] group, byte[] consumer) {
        return new byte[][] {XGROUP, CREATECONSUMER, key, group, consumer};
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
