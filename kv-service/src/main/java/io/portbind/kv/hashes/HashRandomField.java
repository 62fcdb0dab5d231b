package io.portbind.kv.hashes;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/** HRANDFIELD key [count [WITHVALUES]]: Redis's cases for a single field, repeats, the whole hash and a sample. */
final class HashRandomField {

    private static final CommandError COUNT_RANGE = new CommandError(
            "ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807");
    /** Below one field in this many, picking at random beats shuffling a copy of the hash (as Redis's case 4). */
    private static final int SPARSE_SAMPLE = 3;
    private static final CommandError OUT_OF_RANGE = new CommandError("ERR value is out of range");

    private HashRandomField() {
    }

    static void hrandfield(Call call) {
        if (call.argCount() == 2) {
            HashValue hash = HashReads.at(call);
            RandomGenerator random = ThreadLocalRandom.current();
            call.reply().bulk(hash == null ? null : hash.randomEntry(random)[0]);
            return;
        }
        long requested = call.longArg(2);
        if (requested == Long.MIN_VALUE) {
            throw COUNT_RANGE;
        }
        EntryParts parts = call.argCount() == 4 && call.is(3, "withvalues")
                ? EntryParts.FIELDS_AND_VALUES : EntryParts.FIELDS;
        if (call.argCount() >= 4 && parts == EntryParts.FIELDS) {
            throw CommandError.SYNTAX;
        }
        boolean distinct = requested >= 0;
        long count = Math.abs(requested);
        if (parts == EntryParts.FIELDS_AND_VALUES && count > Long.MAX_VALUE / 2) {
            throw OUT_OF_RANGE;
        }
        HashValue hash = HashReads.at(call);
        Reply reply = call.reply();
        if (hash == null || count == 0) {
            reply.array(0);
        } else if (!distinct || count == 1) {
            withRepeats(reply, hash, count, parts);
        } else if (count >= hash.size()) {
            whole(reply, hash, parts);
        } else if (count * SPARSE_SAMPLE > hash.size()) {
            sample(reply, hash, (int) count, parts);
        } else {
            distinctPicks(reply, hash, (int) count, parts);
        }
    }

    /** {@code count} fields picked independently: the same field may come more than once. */
    private static void withRepeats(Reply reply, HashValue hash, long count, EntryParts parts) {
        RandomGenerator random = ThreadLocalRandom.current();
        header(reply, count, parts);
        for (long i = 0; i < count; i++) {
            byte[][] entry = hash.randomEntry(random);
            entry(reply, entry[0], entry[1], parts);
        }
    }

    private static void whole(Reply reply, HashValue hash, EntryParts parts) {
        header(reply, hash.size(), parts);
        hash.forEach((field, value) -> entry(reply, field, value, parts));
    }

    /** {@code count} distinct fields, fewer than the hash has, in random order. */
    private static void sample(Reply reply, HashValue hash, int count, EntryParts parts) {
        List<byte[][]> entries = new ArrayList<>(hash.size());
        hash.forEach((field, value) -> entries.add(new byte[][] {field, value}));
        Collections.shuffle(entries, ThreadLocalRandom.current());
        header(reply, count, parts);
        for (int i = 0; i < count; i++) {
            entry(reply, entries.get(i)[0], entries.get(i)[1], parts);
        }
    }

    /** A few fields of a big hash: random picks, skipping repeats, instead of copying the whole hash. */
    private static void distinctPicks(Reply reply, HashValue hash, int count, EntryParts parts) {
        RandomGenerator random = ThreadLocalRandom.current();
        Set<ByteBuffer> picked = new HashSet<>();
        header(reply, count, parts);
        while (picked.size() < count) {
            byte[][] entry = hash.randomEntry(random);
            if (picked.add(ByteBuffer.wrap(entry[0]))) {
                entry(reply, entry[0], entry[1], parts);
            }
        }
    }

    /** RESP3 gets one [field, value] array per entry with WITHVALUES; RESP2 a flat array. */
    private static void header(Reply reply, long entries, EntryParts parts) {
        reply.array((int) (parts.hasValues() && !reply.isResp3() ? entries * 2 : entries));
    }

    private static void entry(Reply reply, byte[] field, byte[] value, EntryParts parts) {
        if (parts.hasValues() && reply.isResp3()) {
            reply.array(2);
        }
        reply.bulk(field);
        if (parts.hasValues()) {
            reply.bulk(value);
        }
    }
}
