package io.portbind.chat.feature;

/**
 * One protocol feature, such as ping or the roster. It registers its IQ handlers and the service
 * discovery features they implement in one place, so what disco announces is what is handled.
 */
public interface Feature {

    void install(FeatureRegistry registry);
}
