package io.portbind.kv.resp;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;

/**
 * Coverage-guided fuzzing of the RESP request decoder: any bytes, split into any reads, before or after
 * authentication, decode into argument vectors or a {@link ProtocolError}; any exception is a defect. The suite
 * replays the seed corpus ({@code RespRequestDecoderFuzzTestInputs/}); {@code fuzz/run.sh} fuzzes.
 */
class RespRequestDecoderFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void anyBytesDecodeIntoRequestsOrAProtocolError(FuzzedDataProvider data) {
        boolean unauthenticated = data.consumeBoolean();
        EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder(() -> unauthenticated));
        try {
            while (data.remainingBytes() > 0 && channel.isOpen()) {
                channel.writeInbound(Unpooled.wrappedBuffer(data.consumeBytes(data.consumeInt(1, 64))));
                Object decoded;
                while ((decoded = channel.readInbound()) != null) {
                    ReferenceCountUtil.release(decoded);
                }
            }
            channel.checkException();
        } finally {
            channel.finishAndReleaseAll();
        }
    }
}
