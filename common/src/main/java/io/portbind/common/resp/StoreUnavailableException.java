package io.portbind.common.resp;

/** The RESP store cannot be reached, or this service has no capacity left to ask it; worth retrying soon. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
