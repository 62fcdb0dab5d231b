package io.portbind.http.protocol;

/** The decoder result of a request whose head folds a header line (obs-fold), refused with 400. */
final class ObsFoldException extends IllegalArgumentException {

    ObsFoldException() {
        super("obs-fold: a header line begins with whitespace");
    }
}
