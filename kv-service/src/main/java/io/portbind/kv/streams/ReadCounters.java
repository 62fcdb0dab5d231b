package io.portbind.kv.streams;

/**
 * Redis 7.0's logical read counters of consumer groups: how many entries a group has read, kept exactly while no
 * deletion lies ahead of it, otherwise estimated from the stream's counters, and the lag that follows from it
 * (t_stream.c's streamEstimateDistanceFromFirstEverEntry, streamRangeHasTombstones and streamReplyWithCGLag).
 */
final class ReadCounters {

    private ReadCounters() {
    }

    /** The read counter of {@code id}, or {@link ConsumerGroup#INVALID_ENTRIES_READ} when it cannot be known. */
    static long distanceFromFirstEver(StreamValue stream, StreamId id) {
        if (stream.entriesAdded() == 0) {
            return 0;
        }
        if (stream.length() == 0 && id.compareTo(stream.lastId()) < 1) {
            return stream.entriesAdded();
        }
        int toLast = id.compareTo(stream.lastId());
        if (toLast == 0) {
            return stream.entriesAdded();
        } else if (toLast > 0) {
            return ConsumerGroup.INVALID_ENTRIES_READ;
        }
        StreamId maxDeleted = stream.maxDeletedId();
        StreamId first = stream.firstId();
        if (maxDeleted.isZero() || maxDeleted.compareTo(first) < 0) {
            int toFirst = id.compareTo(first);
            if (toFirst < 0) {
                return stream.entriesAdded() - stream.length();
            } else if (toFirst == 0) {
                return stream.entriesAdded() - stream.length() + 1;
            }
        }
        return ConsumerGroup.INVALID_ENTRIES_READ;
    }

    /** Whether a deleted entry may lie at or after {@code start}: the largest deleted id is not before it. */
    static boolean tombstonesFrom(StreamValue stream, StreamId start) {
        StreamId maxDeleted = stream.maxDeletedId();
        if (stream.length() == 0 || maxDeleted.isZero()) {
            return false;
        }
        if (stream.firstId().compareTo(maxDeleted) > 0) {
            return false;
        }
        return start.compareTo(maxDeleted) <= 0;
    }

    /** The group's lag, or -1 when Redis answers null. */
    static long lag(StreamValue stream, ConsumerGroup group) {
        if (stream.entriesAdded() == 0) {
            return 0;
        }
        if (group.entriesRead() != ConsumerGroup.INVALID_ENTRIES_READ && !tombstonesFrom(stream, group.lastId())) {
            return stream.entriesAdded() - group.entriesRead();
        }
        long read = distanceFromFirstEver(stream, group.lastId());
        return read == ConsumerGroup.INVALID_ENTRIES_READ ? -1 : stream.entriesAdded() - read;
    }

    /** Moves {@code group} past entry {@code id} delivered to it, keeping its read counter as Redis does. */
    static void delivered(StreamValue stream, ConsumerGroup group, StreamId id) {
        long read = group.entriesRead();
        if (read != ConsumerGroup.INVALID_ENTRIES_READ && !tombstonesFrom(stream, id)) {
            read++;
        } else if (stream.entriesAdded() > 0) {
            read = distanceFromFirstEver(stream, id);
        }
        group.position(id, read);
    }
}
