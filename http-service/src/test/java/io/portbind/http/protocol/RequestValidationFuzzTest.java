package io.portbind.http.protocol;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.ReferenceCountUtil;

/**
 * Coverage-guided fuzzing of request reading and validation: any bytes, split into any reads, go through the
 * strict decoder (with its obs-fold scan) and the body limit, and every request that comes out is either accepted
 * or refused by {@link RequestValidator} with a status; any exception is a defect. The suite replays the seed
 * corpus ({@code RequestValidationFuzzTestInputs/}); {@code fuzz/run.sh} fuzzes.
 */
class RequestValidationFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesBecomeRequestsThatAreAcceptedOrRefused(FuzzedDataProvider data) {
        EmbeddedChannel channel = new EmbeddedChannel(new StrictRequestDecoder(HttpChannelInitializer.DECODING),
                new BodyLimit(HttpChannelInitializer.MAX_BODY_BYTES));
        try {
            while (data.remainingBytes() > 0) {
                channel.writeInbound(Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(1, 64))));
                Object decoded;
                while ((decoded = channel.readInbound()) != null) {
                    if (decoded instanceof FullHttpRequest request) {
                        RequestValidator.check(request);
                    }
                    ReferenceCountUtil.release(decoded);
                }
            }
            channel.checkException();
        } finally {
            closeMidRequest(channel);
        }
    }

    /** A connection that closes while a request is still arriving is one the pipeline answers by closing too. */
    private static void closeMidRequest(EmbeddedChannel channel) {
        try {
            channel.finishAndReleaseAll();
        } catch (PrematureChannelClosureException incompleteRequest) {
            // What the dispatcher sees as the end of such a connection.
        }
    }
}
