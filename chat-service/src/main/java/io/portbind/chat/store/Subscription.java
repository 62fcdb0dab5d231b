package io.portbind.chat.store;

import java.util.Locale;

/** The {@code subscription} of a roster item (RFC 6121 section 2.1.2.5), as seen by the roster's owner. */
public enum Subscription {
    /** Neither side receives the other's presence. */
    NONE,
    /** The owner receives the contact's presence. */
    TO,
    /** The contact receives the owner's presence. */
    FROM,
    /** Both receive each other's presence. */
    BOTH;

    public boolean ownerReceives() {
        return this == TO || this == BOTH;
    }

    public boolean contactReceives() {
        return this == FROM || this == BOTH;
    }

    public Subscription withTo(boolean to) {
        return of(to, contactReceives());
    }

    public Subscription withFrom(boolean from) {
        return of(ownerReceives(), from);
    }

    private static Subscription of(boolean to, boolean from) {
        return to ? (from ? BOTH : TO) : (from ? FROM : NONE);
    }

    public String attribute() {
        return name().toLowerCase(Locale.ROOT);
    }
}
