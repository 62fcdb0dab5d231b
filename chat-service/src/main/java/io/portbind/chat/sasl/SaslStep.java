package io.portbind.chat.sasl;

/**
 * What the server answers to one client message of a SASL exchange.
 *
 * @param data      challenge or success data, possibly empty
 * @param failure   set for a failure
 * @param username  set on success: the authenticated, normalized username
 */
public record SaslStep(byte[] data, SaslFailure failure, String username) {

    private static final byte[] NONE = new byte[0];

    public static SaslStep challenge(byte[] data) {
        return new SaslStep(data, null, null);
    }

    public static SaslStep success(String username, byte[] data) {
        return new SaslStep(data, null, username);
    }

    public static SaslStep failure(SaslFailure failure) {
        return new SaslStep(NONE, failure, null);
    }

    public boolean isSuccess() {
        return username != null;
    }

    public boolean isFailure() {
        return failure != null;
    }
}
