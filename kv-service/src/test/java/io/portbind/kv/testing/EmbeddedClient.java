package io.portbind.kv.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.server.ClientConnection;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import java.nio.charset.StandardCharsets;

/** A client connection on an {@link EmbeddedChannel}: the real decoder and connection handler, no socket. */
public final class EmbeddedClient {

    private EmbeddedClient() {
    }

    public static EmbeddedChannel connect(ServerState server, Dispatcher dispatcher) {
        ClientConnection connection = new ClientConnection(server, dispatcher);
        return new EmbeddedChannel(new RespRequestDecoder(connection::authenticationRequired), connection);
    }

    public static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    /** Everything the server wrote to {@code channel} since the last call. */
    public static String received(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            text.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        return text.toString();
    }
}
