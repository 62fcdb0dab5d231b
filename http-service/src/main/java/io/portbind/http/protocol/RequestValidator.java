package io.portbind.http.protocol;

import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpContentException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.portbind.http.routing.Router;
import java.util.Iterator;

/**
 * Refuses requests that will not be answered by a route, each with its status and reason: ones the
 * pipeline could not read whole (too long a line or header, too large a body, too slow to arrive),
 * an expectation other than 100-continue, and those whose framing or target is ambiguous, the
 * shapes used to smuggle requests past a proxy. Netty 4.2's decoder (strict line parsing, RFC 9112
 * transfer-encoding rules) already fails bare LF line ends, Content-Length together with
 * Transfer-Encoding, invalid or conflicting Content-Length values, Transfer-Encoding before
 * HTTP/1.1, a final coding other than chunked, malformed chunks, invalid header names and an unknown
 * version; those arrive here as a failed decoder result. What it accepts leniently and is checked
 * here: runs of spaces, tabs or other whitespace between the request-line's parts, control and
 * non-ASCII characters, broken percent escapes and fragments in the target, {@code *} other than for
 * OPTIONS, an HTTP/1.1 request without exactly one {@code Host} and a Host that is no host; and a
 * version other than 1.x gets 505.
 */
final class RequestValidator {

    /** Why a request is refused: the status and a short reason for the body. */
    record Rejection(HttpResponseStatus status, String reason) {
    }

    private RequestValidator() {
    }

    /** The rejection of {@code request}, or {@code null} when it is well-formed. */
    static Rejection check(FullHttpRequest request) {
        DecoderResult result = request.decoderResult();
        if (result.isFailure()) {
            Throwable cause = result.cause();
            if (cause instanceof TooLongHttpHeaderException) {
                return new Rejection(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request header too large");
            }
            if (cause instanceof TooLongHttpLineException) {
                return new Rejection(HttpResponseStatus.REQUEST_URI_TOO_LONG, "request line too long");
            }
            if (cause instanceof TooLongHttpContentException) {
                return new Rejection(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "request body larger than "
                        + HttpChannelInitializer.MAX_BODY_BYTES + " bytes");
            }
            if (cause instanceof ObsFoldException) {
                return new Rejection(HttpResponseStatus.BAD_REQUEST, "folded header lines (obs-fold) are not accepted");
            }
            if (cause instanceof ReadTimeoutException) {
                return new Rejection(HttpResponseStatus.REQUEST_TIMEOUT, "request not received in time");
            }
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed request");
        }
        if (request.protocolVersion().majorVersion() != 1) {
            return new Rejection(HttpResponseStatus.HTTP_VERSION_NOT_SUPPORTED,
                    "only HTTP/1.0 and HTTP/1.1 are spoken");
        }
        if (result instanceof HttpMessageDecoderResult line
                && line.initialLineLength() != singleSpacedLength(request)) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "malformed request line");
        }
        if (!isValidTarget(request.uri())
                || request.uri().equals(Router.ANY_RESOURCE) && !request.method().equals(HttpMethod.OPTIONS)) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "invalid request target");
        }
        int hosts = count(request.headers().valueCharSequenceIterator(HttpHeaderNames.HOST));
        if (hosts > 1 || hosts == 0 && request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "exactly one Host header is required");
        }
        if (hosts == 1 && !isValidHost(request.headers().get(HttpHeaderNames.HOST))) {
            return new Rejection(HttpResponseStatus.BAD_REQUEST, "invalid Host header");
        }
        if (hasUnsupportedExpectation(request)) {
            return new Rejection(HttpResponseStatus.EXPECTATION_FAILED,
                    "only the 100-continue expectation is supported");
        }
        return null;
    }

    /**
     * {@code uri-host [":" port]} (RFC 9110 section 7.2): an IP literal in brackets, or a name or IPv4
     * address of unreserved characters, sub-delimiters and percent escapes. No user info, no spaces.
     * Empty is allowed: it is what a client sends when the target has no authority.
     */
    private static boolean isValidHost(String host) {
        int end = host.length();
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(']', colon) < 0) {
            for (int i = colon + 1; i < end; i++) {
                if (!isDigit(host.charAt(i))) {
                    return false;
                }
            }
            end = colon;
        }
        if (end > 0 && host.charAt(0) == '[') {
            if (end < 3 || host.charAt(end - 1) != ']') {
                return false;
            }
            for (int i = 1; i < end - 1; i++) {
                char c = host.charAt(i);
                if (!isHexDigit(c) && c != ':' && c != '.') {
                    return false;
                }
            }
            return true;
        }
        for (int i = 0; i < end; i++) {
            char c = host.charAt(i);
            if (c == '%' ? isBrokenEscape(host, i, end) : !isRegNameCharacter(c)) {
                return false;
            }
        }
        return true;
    }

    /** RFC 3986 unreserved and sub-delims. */
    private static boolean isRegNameCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || "-._~!$&'()*+,;=".indexOf(c) >= 0;
    }

    /** An {@code Expect} other than 100-continue, which RFC 9110 section 10.1.1 defines only from HTTP/1.1 on. */
    static boolean hasUnsupportedExpectation(HttpRequest request) {
        return request.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
                && request.headers().contains(HttpHeaderNames.EXPECT) && !HttpUtil.is100ContinueExpected(request);
    }

    private static int count(Iterator<?> values) {
        int count = 0;
        while (values.hasNext() && count < 2) {
            values.next();
            count++;
        }
        return count;
    }

    /** {@code method SP target SP version}: the decoder reports the real length, so extra whitespace shows. */
    private static int singleSpacedLength(FullHttpRequest request) {
        return request.method().name().length() + request.uri().length() + request.protocolVersion().text().length()
                + 2;
    }

    /**
     * Origin form, absolute form or {@code *}, made only of visible ASCII (RFC 9112 section 3.2), with
     * every {@code %} starting a two-digit hex escape (RFC 3986 section 2.1): a target the router and
     * the query decoder can take apart without failing. A fragment ({@code #}) is never sent to a server.
     */
    private static boolean isValidTarget(String target) {
        if (target.isEmpty()) {
            return false;
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
            if (c == '#' || c == '%' && isBrokenEscape(target, i, target.length())) {
                return false;
            }
        }
        return target.charAt(0) == '/' || target.equals("*") || target.startsWith("http://")
                || target.startsWith("https://");
    }

    /** Whether the {@code %} at {@code i} is not followed by two hex digits before {@code end} (RFC 3986 2.1). */
    private static boolean isBrokenEscape(String text, int i, int end) {
        return i + 2 >= end || !isHexDigit(text.charAt(i + 1)) || !isHexDigit(text.charAt(i + 2));
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
