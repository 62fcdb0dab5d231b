package io.portbind.kv;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.command.Dispatcher;
import io.portbind.kv.command.ServerState;
import io.portbind.kv.protocol.RespRequestDecoder;
import java.nio.charset.StandardCharsets;

/** A client connection on an {@link EmbeddedChannel}: the real decoder and connection handler, no socket. */
final class EmbeddedClient {

    private EmbeddedClient() {
    }

    static EmbeddedChannel connect(ServerState server, Dispatcher dispatcher) {
        ClientConnection connection = new ClientConnection(server, dispatcher);
        return new EmbeddedChannel(new RespRequestDecoder(connection::authenticationRequired), connection);
    }

    static void send(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    /** Everything the server wrote to {@code channel} since the last call. */
    static String received(EmbeddedChannel channel) {
        StringBuilder text = new StringBuilder();
        ByteBuf out;
        while ((out = channel.readOutbound()) != null) {
            text.append(out.toString(StandardCharsets.US_ASCII));
            out.release();
        }
        return text.toString();
    }
}
