package io.portbind.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A client that writes XML by hand over a plain socket and reads what comes back, for the inputs
 * no well-behaved client library would send.
 */
final class RawXmppClient implements AutoCloseable {

    static final String HEADER = "<?xml version='1.0'?><stream:stream to='localhost' xmlns='jabber:client'"
            + " xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private final StringBuilder received = new StringBuilder();

    RawXmppClient(int port) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(100);
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    RawXmppClient send(String xml) throws IOException {
        return send(xml.getBytes(StandardCharsets.UTF_8));
    }

    RawXmppClient send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /**
     * Waits up to 5 s for {@code expected}, then returns what was received up to and including it;
     * anything after it stays for the next call.
     */
    String awaitReceived(String expected) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        byte[] buffer = new byte[8192];
        while (!received.toString().contains(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("did not receive " + expected + "; got: " + received);
            }
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("closed before " + expected + "; got: " + received);
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // keep waiting until the deadline
            }
        }
        int end = received.indexOf(expected) + expected.length();
        String upToExpected = received.substring(0, end);
        received.delete(0, end);
        return upToExpected;
    }

    /**
     * Authenticates with PLAIN on a plaintext stream, which the server must allow, and returns the
     * stream features offered after the restart.
     */
    String authenticate(String user, String password) throws IOException {
        send(HEADER).awaitReceived("</stream:features>");
        sendPlainAuth(user, password).awaitReceived("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        return send(HEADER).awaitReceived("</stream:features>");
    }

    /** Sends a PLAIN {@code <auth/>} with these credentials, without waiting for the answer. */
    RawXmppClient sendPlainAuth(String user, String password) throws IOException {
        return send(plainAuth(user, password));
    }

    /** A PLAIN {@code <auth/>} element with these credentials. */
    static String plainAuth(String user, String password) {
        String credentials = Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                .getBytes(StandardCharsets.UTF_8));
        return "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + credentials + "</auth>";
    }

    /** Sends a SASL element and returns the condition of the {@code <failure/>} it is answered with. */
    String saslFailureTo(String element) throws IOException {
        String reply = send(element).awaitReceived("</failure>");
        return reply.replaceAll("(?s).*<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><([a-z-]+)/>.*", "$1");
    }

    /**
     * Negotiates STARTTLS and goes on over TLS, trusting only {@code certificate} and checking that it is
     * the server's for localhost, then opens the new stream and returns its features.
     */
    String startTls(X509Certificate certificate) throws Exception {
        send(HEADER).awaitReceived("</stream:features>");
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>")
                .awaitReceived("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {XmppClients.trusting(certificate)}, null);
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "localhost", socket.getPort(),
                true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        socket = tls;
        out = tls.getOutputStream();
        in = tls.getInputStream();
        return send(HEADER).awaitReceived("</stream:features>");
    }

    /** {@link #authenticate}, then binds {@code resource}. */
    RawXmppClient login(String user, String password, String resource) throws IOException {
        authenticate(user, password);
        send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource
                + "</resource></bind></iq>");
        awaitReceived("</iq>");
        return this;
    }

    /** Whether the server closed the connection within 5 seconds. */
    boolean awaitClosed() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return true;
                }
                received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                // keep waiting
            } catch (IOException e) {
                return true;
            }
        }
        return false;
    }

    String received() {
        return received.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
