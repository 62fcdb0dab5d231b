package io.portbind.kv.streams;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/** XADD, XDEL, XTRIM and XSETID: what changes a stream's entries and ids. */
final class StreamWrites {

    private static final CommandError ID_ZERO =
            new CommandError("ERR The ID specified in XADD must be greater than 0-0");
    private static final CommandError EXHAUSTED =
            new CommandError("ERR The stream has exhausted the last possible ID, unable to add more items");
    private static final CommandError NOT_GREATER =
            new CommandError("ERR The ID specified in XADD is equal or smaller than the target stream top item");
    private static final CommandError NO_SUCH_KEY = new CommandError("ERR no such key");
    private static final CommandError ENTRIES_ADDED_NEGATIVE = new CommandError("ERR entries_added must be positive");
    private static final CommandError BELOW_GIVEN_MAX_DELETED = new CommandError(
            "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id");
    private static final CommandError BELOW_TOP = new CommandError(
            "ERR The ID specified in XSETID is smaller than the target stream top item");
    private static final CommandError ADDED_BELOW_LENGTH = new CommandError(
            "ERR The entries_added specified in XSETID is smaller than the target stream length");

    private StreamWrites() {
    }

    /** XADD key [NOMKSTREAM] [MAXLEN|MINID [=|~] threshold [LIMIT count]] *|id field value [field value ...]. */
    static void xadd(Call call) {
        Trim trim = Trim.parse(call, true);
        int idIndex = trim.idIndex();
        StreamId.Parsed given = null;
        if (idIndex < call.argCount() && !(call.arg(idIndex).length == 1 && call.arg(idIndex)[0] == '*')) {
            given = StreamId.parseForAdd(call.arg(idIndex));
        }
        int fields = call.argCount() - idIndex - 1;
        if (fields < 2 || fields % 2 == 1) {
            throw call.arityError();
        }
        if (given != null && given.sequenceGiven() && given.id().isZero()) {
            throw ID_ZERO;
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        StreamValue stream = db.get(key, ValueType.STREAM);
        if (stream == null && trim.noMkStream()) {
            call.reply().nullBulk();
            return;
        }
        boolean created = stream == null;
        if (created) {
            stream = new StreamValue();
        }
        if (stream.lastId().equals(StreamId.MAX)) {
            throw EXHAUSTED;
        }
        StreamId id = nextId(stream, given, call.keyspace().now());
        byte[][] fieldsAndValues = new byte[fields][];
        System.arraycopy(call.args(), idIndex + 1, fieldsAndValues, 0, fields);
        stream.append(id, fieldsAndValues);
        if (created) {
            db.put(key, stream);
        }
        call.reply().bulk(id.toBytes());
        db.notifyEvent(EventClass.STREAM, "xadd", key);
        if (trim.trims() && stream.trim(trim) > 0) {
            db.notifyEvent(EventClass.STREAM, "xtrim", key);
        }
        db.modified(key);
        call.keyspace().signalKeyAsReady(db.index(), key);
        if (call.propagating()) {
            StreamPropagation.xadd(call, trim, stream, given == null || !given.sequenceGiven() ? id : null);
        }
    }

    /** The id to add: generated from the clock for {@code *}, completed for {@code ms-*}, checked when given. */
    private static StreamId nextId(StreamValue stream, StreamId.Parsed given, long now) {
        StreamId last = stream.lastId();
        if (given == null) {
            return Long.compareUnsigned(now, last.ms()) > 0 ? new StreamId(now, 0) : last.next();
        }
        StreamId id = given.id();
        if (!given.sequenceGiven() && id.ms() == last.ms()) {
            if (last.seq() == -1L) {
                throw NOT_GREATER;
            }
            id = new StreamId(last.ms(), last.seq() + 1);
        }
        if (id.compareTo(last) <= 0) {
            throw NOT_GREATER;
        }
        return id;
    }

    /** XDEL key id [id ...]: how many entries were deleted. */
    static void xdel(Call call) {
        Database db = call.db();
        StreamValue stream = db.get(call.arg(1), ValueType.STREAM);
        if (stream == null) {
            call.reply().integer(0);
            return;
        }
        StreamId[] ids = new StreamId[call.argCount() - 2];
        for (int i = 2; i < call.argCount(); i++) {
            ids[i - 2] = StreamId.parseStrict(call.arg(i), 0);
        }
        int deleted = 0;
        for (StreamId id : ids) {
            if (stream.delete(id)) {
                deleted++;
            }
        }
        if (deleted > 0) {
            db.modified(call.arg(1));
            db.notifyEvent(EventClass.STREAM, "xdel", call.arg(1));
        }
        call.reply().integer(deleted);
    }

    /** XTRIM key MAXLEN|MINID [=|~] threshold [LIMIT count]: how many entries were removed. */
    static void xtrim(Call call) {
        Trim trim = Trim.parse(call, false);
        Database db = call.db();
        StreamValue stream = db.get(call.arg(1), ValueType.STREAM);
        if (stream == null) {
            call.reply().integer(0);
            return;
        }
        long removed = stream.trim(trim);
        if (removed > 0) {
            db.modified(call.arg(1));
            db.notifyEvent(EventClass.STREAM, "xtrim", call.arg(1));
            if (call.propagating() && trim.approximate()) {
                call.propagateAs(StreamPropagation.exactTrim(call.args(), trim, stream));
            }
        }
        call.reply().integer(removed);
    }

    /** XSETID key last-id [ENTRIESADDED entries-added] [MAXDELETEDID max-deleted-id]. */
    static void xsetid(Call call) {
        StreamId id = StreamId.parseStrict(call.arg(2), 0);
        long entriesAdded = -1;
        StreamId maxDeleted = StreamId.MIN;
        for (int i = 3; i < call.argCount(); i += 2) {
            boolean more = i + 1 < call.argCount();
            if (call.is(i, "entriesadded") && more) {
                entriesAdded = call.longArg(i + 1);
                if (entriesAdded < 0) {
                    throw ENTRIES_ADDED_NEGATIVE;
                }
            } else if (call.is(i, "maxdeletedid") && more) {
                maxDeleted = StreamId.parseStrict(call.arg(i + 1), 0);
                if (id.compareTo(maxDeleted) < 0) {
                    throw BELOW_GIVEN_MAX_DELETED;
                }
            } else {
                throw CommandError.SYNTAX;
            }
        }
        StreamValue stream = call.db().get(call.arg(1), ValueType.STREAM);
        if (stream == null) {
            throw NO_SUCH_KEY;
        }
        if (stream.length() > 0) {
            if (id.compareTo(stream.entries().lastKey()) < 0) {
                throw BELOW_TOP;
            }
            if (entriesAdded != -1 && stream.length() > entriesAdded) {
                throw ADDED_BELOW_LENGTH;
            }
        }
        stream.setIds(id, entriesAdded != -1 ? entriesAdded : stream.entriesAdded(),
                maxDeleted.isZero() ? stream.maxDeletedId() : maxDeleted);
        call.db().modified(call.arg(1));
        call.db().notifyEvent(EventClass.STREAM, "xsetid", call.arg(1));
        call.reply().ok();
    }
}
