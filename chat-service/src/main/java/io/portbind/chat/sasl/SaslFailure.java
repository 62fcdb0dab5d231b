package io.portbind.chat.sasl;

import java.util.Locale;

/** RFC 6120 section 6.5 SASL failure conditions. */
public enum SaslFailure {
    ABORTED,
    ENCRYPTION_REQUIRED,
    INCORRECT_ENCODING,
    INVALID_AUTHZID,
    INVALID_MECHANISM,
    MALFORMED_REQUEST,
    NOT_AUTHORIZED,
    TEMPORARY_AUTH_FAILURE;

    public String condition() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
