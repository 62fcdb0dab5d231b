package io.portbind.http.protocol;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, except that the request target must sit between two single spaces.
 * Netty splits the request line on any of SP, HTAB, VT, FF and CR (the lenient reading RFC 9112
 * allows); a proxy that splits only on SP would see a different target, so this one refuses.
 * Runs of separators are caught by {@link RequestValidator} from the line's length.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
        int end = start + length;
        if (start == 0 || line[start - 1] != ' ' || end >= line.length || line[end] != ' ') {
            throw new IllegalArgumentException("request target must be surrounded by single spaces");
        }
        return super.splitSecondWordInitialLine(line, start, length);
    }
}
