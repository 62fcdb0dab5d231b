package io.portbind.kv.rdb;

import java.io.IOException;

/**
 * A file or payload that is not RDB as Redis 7.0 writes it: truncated, corrupt, or holding something we cannot
 * keep (a module value, a stream). The message is one line naming the file, the byte offset where reading
 * stopped and what was expected there, such as
 * {@code dump.rdb: at byte 1234: expected a value type, found 21}.
 */
public final class RdbFormatException extends IOException {

    private final String file;
    private final long offset;

    public RdbFormatException(String file, long offset, String problem) {
        super(file + ": at byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    /** The file name given to the reader. */
    public String file() {
        return file;
    }

    /** The byte offset (from the start of the file) at which the problem was found. */
    public long offset() {
        return offset;
    }
}
