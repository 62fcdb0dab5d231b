package io.portbind.chat.stream;

/** Something a client sent that ends its stream with {@code condition}. */
public final class StreamException extends Exception {

    private final StreamError condition;

    public StreamException(StreamError condition, String detail) {
        super(detail, null, false, false);
        this.condition = condition;
    }

    public StreamError condition() {
        return condition;
    }
}
