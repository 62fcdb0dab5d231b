package io.portbind.http.routing;

/** Answers the requests of one route, now or later, through {@link Exchange#respond}. */
@FunctionalInterface
public interface Handler {

    void handle(Exchange exchange);
}
