package io.portbind.chat.store;

/**
 * The outcome of one roster update.
 *
 * @param before   the item before, {@link RosterItem#unknown} when there was none
 * @param after    the item after; {@link RosterItem#isEmpty} when it was removed
 * @param version  the roster version after the update
 */
public record RosterChange(RosterItem before, RosterItem after, long version) {

    public boolean changed() {
        return !before.equals(after);
    }
}
