package io.portbind.http.probe;

import io.portbind.common.config.RedisUrl;
import io.portbind.common.config.ServiceAddress;
import io.portbind.http.probe.ProtocolProbe.Verdict;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The three services' first words: an HTTP request, a RESP PING, an XMPP stream opening. */
final class ServiceChecks {

    private final ProtocolProbe probe;

    ServiceChecks(ProtocolProbe probe) {
        this.probe = probe;
    }

    /** Up once any HTTP status line arrives: the server speaks HTTP, whatever it thinks of the path. */
    CompletableFuture<ProbeResult> http(InetSocketAddress address, ServiceAddress url) {
        String request = "GET /healthz HTTP/1.1\r\nHost: " + url.host() + ":" + url.port()
                + "\r\nUser-Agent: portbind-status\r\nConnection: close\r\n\r\n";
        return probe.check(address, request, reply -> {
            int end = reply.indexOf("\r\n");
            if (end < 0) {
                return Verdict.WAITING;
            }
            return reply.matches("(?s)HTTP/1\\.[01] [1-5][0-9][0-9].*") ? Verdict.UP : Verdict.DOWN;
        }, "");
    }

    /** Up on {@code +PONG}; authenticates first when the URL has a password, so an ACL store answers too. */
    CompletableFuture<ProbeResult> resp(InetSocketAddress address, RedisUrl url) {
        StringBuilder commands = new StringBuilder();
        if (url.password().isPresent()) {
            List<String> auth = new ArrayList<>(List.of("AUTH"));
            url.user().ifPresent(auth::add);
            auth.add(url.password().get());
            commands.append(command(auth));
        }
        commands.append(command(List.of("PING")));
        return probe.check(address, commands.toString(), reply -> {
            if (reply.contains("+PONG\r\n")) {
                return Verdict.UP;
            }
            return reply.startsWith("-") || reply.contains("\r\n-") ? Verdict.DOWN : Verdict.WAITING;
        }, "");
    }

    /** Up once the server opens its stream in reply (even to refuse the domain: it speaks XMPP). */
    CompletableFuture<ProbeResult> xmpp(InetSocketAddress address, ServiceAddress url) {
        String opening = "<?xml version='1.0'?><stream:stream to='" + url.host() + "' version='1.0'"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>";
        return probe.check(address, opening,
                reply -> reply.contains("<stream:stream") ? Verdict.UP : Verdict.WAITING, "</stream:stream>");
    }

    /** A RESP array of bulk strings. */
    private static String command(List<String> words) {
        StringBuilder out = new StringBuilder("*").append(words.size()).append("\r\n");
        for (String word : words) {
            out.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
                    .append("\r\n");
        }
        return out.toString();
    }
}
