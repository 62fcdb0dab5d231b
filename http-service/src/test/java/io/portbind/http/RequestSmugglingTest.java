package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests whose framing or target a proxy and this server could read differently: each gets 400
 * and the connection is closed, so nothing after it is read as a request of its own. A valid
 * request rides behind each one; it must not be answered.
 */
class RequestSmugglingTest {

    private static final String SMUGGLED = "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n";

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.withoutStore();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // bad request lines
        "GET  / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /\tHTTP/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1 extra\r\nHost: test\r\n\r\n",
        "G(T / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET\r\nHost: test\r\n\r\n",
        " GET / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET / http/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.10\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1\nHost: test\n\n",
        // control and non-ASCII characters in the target
        "GET /a\u0001b HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /a\u007fb HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /caf\u00e9 HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET nopath HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /a#b HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET * HTTP/1.1\r\nHost: test\r\n\r\n",
        // percent escapes that do not decode, in the path and in the query
        "GET /api/data/100% HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /api/data/%zz HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /api/data?prefix=50% HTTP/1.1\r\nHost: test\r\n\r\n",
        "PUT /api/data/k?ttl=%zz HTTP/1.1\r\nHost: test\r\nContent-Length: 1\r\n\r\nv",
        // Host missing or repeated
        "GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
        // a Host that is no host
        "GET / HTTP/1.1\r\nHost: a b@c\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: user@test\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: test:80x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n",
        // invalid Content-Length
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: abc\r\n\r\n",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: -1\r\n\r\n",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: +5\r\n\r\nhello",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: 5, 5\r\n\r\nhello",
        // both Content-Length and Transfer-Encoding
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n",
        // Transfer-Encoding that is not chunked last, or in HTTP/1.0
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
        "PUT /api/data/k HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        // broken chunked bodies
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
        "PUT /api/data/k HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
        // header names the decoder must not guess at
        "GET / HTTP/1.1\r\nHost: test\r\nBad Header: x\r\n\r\n",
        // folded header lines (obs-fold), with a space or a tab, also before the first field
        "GET / HTTP/1.1\r\nHost: test\r\nX-F: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nX-F: a\r\n\tb\r\nHost: test\r\n\r\n",
        "GET / HTTP/1.1\r\n Host: test\r\n\r\n",
    })
    void isRefusedWith400AndTheConnectionClosed(String request) {
        try (RawConnection connection = service.connect()) {
            connection.send(request + SMUGGLED);
            RawConnection.Response response = connection.read();
            assertEquals(400, response.status(), response.body());
            assertEquals("close", response.header("Connection"));
            assertTrue(response.body().startsWith("{\"error\":"), response.body());
            assertTrue(connection.closedByServer(), "the request behind it must not be answered");
        }
    }
}
