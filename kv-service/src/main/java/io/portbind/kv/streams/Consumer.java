package io.portbind.kv.streams;

import java.util.TreeMap;

/** A consumer of a group: its name, when it was last seen, and the entries delivered to it not yet acknowledged. */
public final class Consumer {

    private final byte[] name;
    private long seenTime;
    private final TreeMap<StreamId, PendingEntry> pending = new TreeMap<>();

    public Consumer(byte[] name, long seenTime) {
        this.name = name;
        this.seenTime = seenTime;
    }

    public byte[] name() {
        return name;
    }

    /** Unix milliseconds of the last command that named this consumer. */
    public long seenTime() {
        return seenTime;
    }

    void seen(long unixMillis) {
        seenTime = unixMillis;
    }

    /** This consumer's PEL, by id; the same entries as in the group's PEL. */
    public TreeMap<StreamId, PendingEntry> pending() {
        return pending;
    }
}
