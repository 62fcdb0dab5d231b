package io.portbind.http.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's request decoder, except that the request target must sit between two single spaces and the
 * version must be spelled exactly. Netty splits the request line on any of SP, HTAB, VT, FF and CR
 * (the lenient reading RFC 9112 allows); a proxy that splits only on SP would see a different
 * target, so this one refuses. Runs of separators are caught by {@link RequestValidator} from the
 * line's length. Folded header lines (obs-fold) are refused before the decoder reads them ({@link ObsFoldScanner}).
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    private static final int VERSION_LENGTH = "HTTP/1.1".length();

    private final ObsFoldScanner folds = new ObsFoldScanner();
    /** A folded header line was refused: as after any invalid message, the rest of the connection is ignored. */
    private boolean refused;

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    /**
     * Refuses obs-fold before the decoder reads the folded line (RFC 9112 section 5.2 allows a server to reject
     * it with 400): the request is answered as one whose head could not be read.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
        if (!refused && folds.foldsIn(buffer)) {
            refused = true;
            HttpMessage unread = new UnreadRequest();
            unread.setDecoderResult(DecoderResult.failure(new ObsFoldException()));
            out.add(unread);
        }
        if (refused) {
            buffer.skipBytes(buffer.readableBytes());
            return;
        }
        int start = buffer.readerIndex();
        int produced = out.size();
        super.decode(ctx, buffer, out);
        boolean messageEnded = false;
        for (int i = produced; i < out.size(); i++) {
            messageEnded |= out.get(i) instanceof LastHttpContent;
        }
        folds.consumed(buffer.readerIndex() - start, messageEnded);
    }

    @Override
    protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
        int end = start + length;
        if (start == 0 || line[start - 1] != ' ' || end >= line.length || line[end] != ' ') {
            throw new IllegalArgumentException("request target must be surrounded by single spaces");
        }
        return super.splitSecondWordInitialLine(line, start, length);
    }

    /** {@code HTTP/x.y} exactly: the name is case-sensitive (RFC 9112 section 2.3), which Netty's parser is not. */
    @Override
    protected String splitThirdWordInitialLine(byte[] line, int start, int length) {
        if (length != VERSION_LENGTH || line[start] != 'H' || line[start + 1] != 'T' || line[start + 2] != 'T'
                || line[start + 3] != 'P' || line[start + 4] != '/' || !isDigit(line[start + 5])
                || line[start + 6] != '.' || !isDigit(line[start + 7])) {
            throw new IllegalArgumentException("the version must be HTTP/x.y");
        }
        return super.splitThirdWordInitialLine(line, start, length);
    }

    /** Netty's placeholder for a request line it could not read would be logged as {@code GET /bad-request}. */
    @Override
    protected HttpMessage createInvalidMessage() {
        return new UnreadRequest();
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
