package io.portbind.kv.resp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RespRequestDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new RespRequestDecoder(() -> false));

    @Test
    void multibulkFedOneByteAtATime() {
        feedByteByByte("*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n");
        assertEquals(List.of("GET key"), received());
    }

    @Test
    void pipelinedCommandsInOneRead() {
        feed("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nPING\r\n");
        assertEquals(List.of("PING", "ECHO hi", "PING"), received());
    }

    @Test
    void splitsAnywhereIncludingBetweenCrAndLf() {
        String request = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\r\nv!\r\n";
        for (int split = 1; split < request.length(); split++) {
            feed(request.substring(0, split));
            feed(request.substring(split));
            assertEquals(List.of("SET k v\r\nv!"), received(), "split at " + split);
        }
    }

    @Test
    void binarySafeArguments() {
        byte[] request = {'*', '1', '\r', '\n', '$', '2', '\r', '\n', 0, -1, '\r', '\n'};
        channel.writeInbound(Unpooled.wrappedBuffer(request));
        byte[][] args = channel.readInbound();
        assertArrayEquals(new byte[] {0, -1}, args[0]);
    }

    @Test
    void inlineCommandsWithRedisQuoting() {
        feedByteByByte("SET \"a b\" 'c d'\r\nGET \"\\x41\\n\"\nset k 'it\\'s'\r\n   \r\n");
        assertEquals(List.of("SET a b c d", "GET A\n", "set k it's"), received());
    }

    @Test
    void emptyMultibulkIsIgnored() {
        feed("*0\r\n*-1\r\nPING\r\n");
        assertEquals(List.of("PING"), received());
    }

    @Test
    void protocolErrorsUseRedisTexts() {
        assertError("*abc\r\n", "invalid multibulk length");
        assertError("*3000000000\r\n", "invalid multibulk length");
        assertError("*1\r\n$-1\r\n", "invalid bulk length");
        assertError("*1\r\n$536870913\r\n", "invalid bulk length");
        assertError("*1\r\nx3\r\n", "expected '$', got 'x'");
        assertError("SET \"a b\r\n", "unbalanced quotes in request");
        assertError("GET 'a'b\r\n", "unbalanced quotes in request");
        assertError("A".repeat(64 * 1024 + 1), "too big inline request");
        assertError("*" + "1".repeat(64 * 1024 + 1), "too big mbulk count string");
        assertError("*1\r\n$" + "1".repeat(64 * 1024 + 1), "too big bulk count string");
    }

    @Test
    void commandsBeforeAnErrorAreDeliveredAndInputAfterItIgnored() {
        feed("PING\r\n*x\r\n*1\r\n$4\r\nPING\r\n");
        assertEquals("PING", String.join(" ", text(channel.readInbound())));
        assertEquals(new ProtocolError("invalid multibulk length"), channel.readInbound());
        assertNull(channel.readInbound());
    }

    @Test
    void unauthenticatedClientsGetSmallLimits() {
        EmbeddedChannel strict = new EmbeddedChannel(new RespRequestDecoder(() -> true));
        strict.writeInbound(Unpooled.copiedBuffer("*11\r\n", StandardCharsets.US_ASCII));
        assertEquals(new ProtocolError("unauthenticated multibulk length"), strict.readInbound());
        strict = new EmbeddedChannel(new RespRequestDecoder(() -> true));
        strict.writeInbound(Unpooled.copiedBuffer("*1\r\n$16385\r\n", StandardCharsets.US_ASCII));
        assertEquals(new ProtocolError("unauthenticated bulk length"), strict.readInbound());
    }

    @Test
    void hugeDeclaredCountsAllocateNothingUntilDataArrives() {
        feed("*2147483647\r\n$1\r\na\r\n");
        assertNull(channel.readInbound());
        assertTrue(channel.isActive());
    }

    private void assertError(String input, String reason) {
        EmbeddedChannel fresh = new EmbeddedChannel(new RespRequestDecoder(() -> false));
        fresh.writeInbound(Unpooled.copiedBuffer(input, StandardCharsets.ISO_8859_1));
        assertEquals(new ProtocolError(reason), fresh.readInbound(), input.length() > 40 ? reason : input);
    }

    private void feed(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1));
    }

    private void feedByteByByte(String text) {
        for (char c : text.toCharArray()) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) c}));
        }
    }

    private List<String> received() {
        List<String> commands = new ArrayList<>();
        byte[][] args;
        while ((args = channel.readInbound()) != null) {
            commands.add(String.join(" ", text(args)));
        }
        return commands;
    }

    private static List<String> text(byte[][] args) {
        List<String> words = new ArrayList<>();
        for (byte[] arg : args) {
            words.add(new String(arg, StandardCharsets.ISO_8859_1));
        }
        return words;
    }
}
