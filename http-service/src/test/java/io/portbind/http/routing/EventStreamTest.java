package io.portbind.http.routing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.portbind.common.server.NettyServer;
import io.portbind.common.server.ServerApplication;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An event stream to a client that has stopped reading. */
class EventStreamTest {

    private static final int EVENTS = 2000;
    private static final String DATA = "x".repeat(10_000);

    @Test
    void aClientThatStopsReadingCostsNoMoreThanTheWriteBuffer() throws Exception {
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        ServerApplication application = () -> new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpResponseEncoder());
                accepted.complete(channel);
            }
        };
        try (NettyServer server = NettyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                application); Socket client = new Socket()) {
            client.setReceiveBufferSize(4096);
            client.connect(server.localAddress());
            Channel channel = accepted.get(5, TimeUnit.SECONDS);
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            HttpUtil.setTransferEncodingChunked(head, true);
            channel.writeAndFlush(head);

            EventStream stream = new EventStream(channel);
            for (int i = 0; i < EVENTS; i++) {
                stream.send("status", DATA);
            }
            long held = channel.eventLoop().submit(() -> channel.unsafe().outboundBuffer().totalPendingWriteBytes())
                    .get(5, TimeUnit.SECONDS);
            assertTrue(held < 1_000_000, held + " bytes of " + EVENTS * DATA.length() + " held for a client that "
                    + "reads nothing");
        }
    }
}
