package io.portbind.common.config;

/** Thrown by a {@link ValueParser}; the message says what would have been accepted. */
public final class InvalidValueException extends Exception {

    public InvalidValueException(String expected) {
        super(expected, null, false, false);
    }

    public String expected() {
        return getMessage();
    }
}
