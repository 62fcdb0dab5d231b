package io.portbind.kv.hyperloglog;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;

/**
 * PFADD, PFCOUNT, PFMERGE and PFDEBUG, with Redis's checks in Redis's order: a value that is not a string is
 * WRONGTYPE, a string without the HLL header is {@link #NOT_HLL}, an HLL whose sparse registers do not add up is
 * {@link #CORRUPTED}.
 */
final class HyperLogLogBodies {

    static final CommandError NOT_HLL = new CommandError("WRONGTYPE Key is not a valid HyperLogLog string value.");
    static final CommandError CORRUPTED = new CommandError("INVALIDOBJ Corrupted HLL object detected");
    private static final CommandError NO_KEY = new CommandError("ERR The specified key does not exist");
    private static final CommandError NOT_SPARSE = new CommandError("ERR HLL encoding is not sparse");

    private volatile long sparseMaxBytes;

    HyperLogLogBodies(long sparseMaxBytes) {
        this.sparseMaxBytes = sparseMaxBytes;
    }

    long sparseMaxBytes() {
        return sparseMaxBytes;
    }

    void sparseMaxBytes(long bytes) {
        sparseMaxBytes = bytes;
    }

    /** PFADD key [element ...]: 1 when the key was created or a register grew, else 0. */
    void add(Call call) {
        Database db = call.db();
        byte[] key = call.arg(1);
        byte[] current = db.getString(key);
        HyperLogLog hll = current == null ? HyperLogLog.empty() : working(current);
        boolean updated = current == null;
        for (int i = 2; i < call.argCount(); i++) {
            int result = hll.add(call.arg(i), sparseMaxBytes);
            if (result < 0) {
                if (updated) {
                    // Redis changes the string in place: the elements added before the corruption was met stay,
                    // unpropagated.
                    db.putKeepTtl(key, hll.bytes());
                    call.preventPropagation();
                }
                throw CORRUPTED;
            }
            updated |= result == 1;
        }
        if (updated) {
            hll.invalidateCache();
            db.putKeepTtl(key, hll.bytes());
            db.notifyEvent(EventClass.STRING, "pfadd", key);
        }
        call.reply().integer(updated ? 1 : 0);
    }

    /**
     * PFCOUNT key [key ...]: one key answers from its cached cardinality, or computes and caches it (a change of
     * the string, propagated as Redis does); several keys answer the cardinality of their union, caching nothing.
     */
    void count(Call call) {
        Database db = call.db();
        if (call.argCount() > 2) {
            byte[] max = new byte[Registers.COUNT];
            for (int i = 1; i < call.argCount(); i++) {
                byte[] value = db.getString(call.arg(i));
                if (value != null && !working(value).mergeInto(max)) {
                    throw CORRUPTED;
                }
            }
            int[] histogram = new int[64];
            for (byte register : max) {
                histogram[register]++;
            }
            call.reply().integer(Estimator.estimate(histogram));
            return;
        }
        byte[] key = call.arg(1);
        byte[] value = db.getString(key);
        if (value == null) {
            call.reply().integer(0);
            return;
        }
        HyperLogLog hll = working(value);
        if (hll.cacheValid()) {
            call.reply().integer(hll.cachedCardinality());
            return;
        }
        int[] histogram = hll.histogram();
        if (histogram == null) {
            throw CORRUPTED;
        }
        long card = Estimator.estimate(histogram);
        hll.cacheCardinality(card);
        db.putKeepTtl(key, hll.bytes());
        call.reply().integer(card);
    }

    /**
     * PFMERGE destkey [sourcekey ...]: destkey becomes the union of itself and the sources, dense if any of them
     * is; a missing key counts as empty.
     */
    void merge(Call call) {
        Database db = call.db();
        byte[] max = new byte[Registers.COUNT];
        boolean anyDense = false;
        for (int i = 1; i < call.argCount(); i++) {
            byte[] value = db.getString(call.arg(i));
            if (value == null) {
                continue;
            }
            HyperLogLog source = working(value);
            anyDense |= source.isDense();
            if (!source.mergeInto(max)) {
                throw CORRUPTED;
            }
        }
        byte[] key = call.arg(1);
        byte[] current = db.getString(key);
        HyperLogLog target = current == null ? HyperLogLog.empty() : HyperLogLog.copyOf(current);
        if (anyDense && !target.toDense()) {
            throw CORRUPTED;
        }
        for (int i = 0; i < Registers.COUNT; i++) {
            if (max[i] != 0) {
                target.raise(i, max[i], sparseMaxBytes);
            }
        }
        target.invalidateCache();
        db.putKeepTtl(key, target.bytes());
        db.notifyEvent(EventClass.STRING, "pfadd", key);
        call.reply().ok();
    }

    /** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key: Redis's debugging views of one HLL. */
    void debug(Call call) {
        Database db = call.db();
        byte[] key = call.arg(2);
        byte[] value = db.getString(key);
        if (value == null) {
            throw NO_KEY;
        }
        HyperLogLog hll = working(value);
        if (call.is(1, "getreg")) {
            densify(call, db, key, hll);
            call.reply().array(Registers.COUNT);
            for (int i = 0; i < Registers.COUNT; i++) {
                call.reply().integer(Registers.get(hll.data, HyperLogLog.HEADER, i));
            }
        } else if (call.is(1, "decode")) {
            if (hll.isDense()) {
                throw NOT_SPARSE;
            }
            call.reply().bulk(SparseText.decode(hll.data, hll.length));
        } else if (call.is(1, "encoding")) {
            call.reply().simple(hll.isDense() ? "dense" : "sparse");
        } else if (call.is(1, "todense")) {
            boolean converted = !hll.isDense();
            densify(call, db, key, hll);
            call.reply().integer(converted ? 1 : 0);
        } else {
            throw new CommandError("ERR Unknown PFDEBUG subcommand '" + call.text(1) + "'");
        }
    }

    /** Converts a sparse HLL to dense and stores it (a change that propagates), as GETREG and TODENSE do. */
    private static void densify(Call call, Database db, byte[] key, HyperLogLog hll) {
        if (hll.isDense()) {
            return;
        }
        if (!hll.toDense()) {
            throw CORRUPTED;
        }
        db.putKeepTtl(key, hll.bytes());
    }

    /** A working copy of a string value, or {@link #NOT_HLL}. */
    private static HyperLogLog working(byte[] value) {
        if (!HyperLogLog.isValid(value)) {
            throw NOT_HLL;
        }
        return HyperLogLog.copyOf(value);
    }
}
