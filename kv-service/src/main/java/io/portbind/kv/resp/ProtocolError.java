package io.portbind.kv.resp;

/**
 * What the decoder emits, in order with the commands before it, when the input breaks the protocol:
 * the client gets {@code -ERR Protocol error: <reason>} and its connection is closed.
 *
 * @param reason the text after {@code Protocol error: }
 */
public record ProtocolError(String reason) {

    public String replyText() {
        return "ERR Protocol error: " + reason;
    }
}
