package io.portbind.kv.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes client commands: RESP arrays of bulk strings, and inline commands (a plain line of
 * space-separated words, as typed into nc or telnet). Emits each command as a {@code List<byte[]>}.
 */
public final class RespCommandDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            int start = in.readerIndex();
            List<byte[]> command = in.getByte(start) == '*' ? readMultibulk(in) : readInline(in);
            if (command == null) {
                in.readerIndex(start);
                return;
            }
            if (!command.isEmpty()) {
                out.add(command);
            }
        }
    }

    private static List<byte[]> readInline(ByteBuf in) {
        String line = readLine(in);
        if (line == null) {
            return null;
        }
        List<byte[]> words = new ArrayList<>();
        for (String word : line.trim().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.getBytes(StandardCharsets.UTF_8));
            }
        }
        return words;
    }

    private static List<byte[]> readMultibulk(ByteBuf in) {
        in.skipBytes(1);
        String count = readLine(in);
        if (count == null) {
            return null;
        }
        int n = Integer.parseInt(count);
        List<byte[]> args = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!in.isReadable()) {
                return null;
            }
            if (in.readByte() != '$') {
                throw new IllegalStateException("expected '$'");
            }
            String length = readLine(in);
            if (length == null) {
                return null;
            }
            int size = Integer.parseInt(length);
            if (in.readableBytes() < size + 2) {
                return null;
            }
            byte[] arg = new byte[size];
            in.readBytes(arg);
            in.skipBytes(2);
            args.add(arg);
        }
        return args;
    }

    /** Reads up to CRLF (or a bare LF) and returns the text before it, or null when incomplete. */
    private static String readLine(ByteBuf in) {
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        if (lf < 0) {
            return null;
        }
        int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        String line = in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.UTF_8);
        in.readerIndex(lf + 1);
        return line;
    }
}
