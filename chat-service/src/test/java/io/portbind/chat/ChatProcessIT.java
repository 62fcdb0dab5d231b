package io.portbind.chat;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.common.testing.ServiceProcessContract;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** chat-service as a process: an opening stream header gets the server's header and stream features. */
class ChatProcessIT extends ServiceProcessContract {

    ChatProcessIT() {
        super("chat-service", "CHAT_PORT");
    }

    @Override
    protected void greet(int port) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("<?xml version='1.0'?><stream:stream to='localhost' version='1.0'"
                    + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")
                    .getBytes(StandardCharsets.UTF_8));
            String reply = readUntil(socket.getInputStream(), "</stream:features>");
            assertTrue(reply.contains("<stream:stream"), reply);
            assertTrue(reply.contains("<stream:features>") || reply.contains("<stream:features "), reply);
            assertTrue(reply.contains("from='localhost'") || reply.contains("from=\"localhost\""), reply);
        }
    }

    private static String readUntil(InputStream in, String end) throws Exception {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (text.indexOf(end) < 0) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return text.toString();
    }
}
