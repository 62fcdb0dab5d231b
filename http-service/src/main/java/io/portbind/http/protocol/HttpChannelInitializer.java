package io.portbind.http.protocol;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.portbind.http.metrics.Metrics;
import io.portbind.http.routing.Router;
import java.time.Duration;

/**
 * Builds each connection's pipeline and nothing else: timeouts on raw bytes, the HTTP/1.1 codec
 * with its limits, body aggregation (413 above the limit), compression, then in-order dispatch.
 * The codec is Netty's server codec rebuilt with a stricter request decoder; the dispatcher drops
 * bodies of answers to HEAD, which the plain response encoder cannot know about.
 */
public final class HttpChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Request line limit; a longer one gets 414. */
    public static final int MAX_REQUEST_LINE_BYTES = 8 * 1024;
    /** All header fields together; more gets 431. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** Request body limit; a larger one gets 413. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;
    /** The decoder's own checks, every strict one on (most are Netty 4.2's defaults, stated here on purpose). */
    static final HttpDecoderConfig DECODING = new HttpDecoderConfig()
            .setMaxInitialLineLength(MAX_REQUEST_LINE_BYTES)
            .setMaxHeaderSize(MAX_HEADER_BYTES)
            .setStrictLineParsing(true)
            .setUseRfc9112TransferEncoding(true)
            .setAllowDuplicateContentLengths(false)
            .setAllowPartialChunks(false);

    private final Router router;
    private final Metrics metrics;
    private final ConnectionCounter connectionCounter;
    private final Duration idleTimeout;
    private final Duration requestTimeout;

    /**
     * @param idleTimeout     how long a connection may wait between requests
     * @param requestTimeout  how long a request may take to arrive once its first byte has
     */
    public HttpChannelInitializer(Router router, Metrics metrics, Duration idleTimeout, Duration requestTimeout) {
        this.router = router;
        this.metrics = metrics;
        this.connectionCounter = new ConnectionCounter(metrics);
        this.idleTimeout = idleTimeout;
        this.requestTimeout = requestTimeout;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        ConnectionTimeouts timeouts = new ConnectionTimeouts(idleTimeout, requestTimeout);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast(connectionCounter, timeouts,
                new CombinedChannelDuplexHandler<>(new StrictRequestDecoder(DECODING), new HttpResponseEncoder()),
                new BodilessRequests(), new BodyLimit(MAX_BODY_BYTES),
                new EventStreamAwareCompressor(RequestDispatcher.MAX_WAITING + 1),
                new RequestDispatcher(router, metrics, timeouts));
    }
}
