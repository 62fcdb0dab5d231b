package io.portbind.chat.store;

import java.util.List;

/**
 * A user's roster at one version.
 *
 * @param version  increases with every change, sent as the roster {@code ver} (RFC 6121 section 2.6)
 */
public record Roster(long version, List<RosterItem> items) {

    public Roster {
        items = List.copyOf(items);
    }
}
