package io.portbind.kv.rdb;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a whole RDB file, version 10, as redis-server 7.0.15 writes one (rdbSaveRio): the magic
 * {@code REDIS0010}; AUX fields {@code redis-ver}, {@code redis-bits}, {@code ctime}, {@code used-mem},
 * {@code aof-base}; each function library (FUNCTION2 and its code); for each database holding keys a SELECTDB and
 * a RESIZEDB hint, then every key, preceded by EXPIRETIME_MS when it has an expiry time; EOF; and the CRC-64 of
 * all that, little-endian.
 * {@code redis-check-rdb} accepts the result and redis-server 7.0 loads it.
 */
public final class RdbWriter {

    /** The Redis version we are compatible with, as the {@code redis-ver} AUX field says it. */
    public static final String REDIS_VERSION = "7.0.15";
    private static final byte[] MAGIC = ("REDIS00" + Rdb.VERSION).getBytes(StandardCharsets.US_ASCII);

    private RdbWriter() {
    }

    /**
     * Writes every database of {@code view} to {@code out} as one RDB file, and flushes it; the caller closes
     * (and, for durability, fsyncs) the stream. May run on any thread, as the view allows. I/O errors of the
     * stream pass through.
     */
    public static void write(KeyspaceView view, OutputStream out, RdbPurpose purpose) throws IOException {
        RdbOutput rdb = new RdbOutput(out);
        rdb.writeBytes(MAGIC);
        writeAux(rdb, "redis-ver", REDIS_VERSION.getBytes(StandardCharsets.US_ASCII));
        writeAux(rdb, "redis-bits", CanonicalInteger.text(64));
        writeAux(rdb, "ctime", CanonicalInteger.text(System.currentTimeMillis() / 1000));
        Runtime runtime = Runtime.getRuntime();
        writeAux(rdb, "used-mem", CanonicalInteger.text(runtime.totalMemory() - runtime.freeMemory()));
        writeAux(rdb, "aof-base", CanonicalInteger.text(purpose == RdbPurpose.AOF_BASE ? 1 : 0));
        for (byte[] code : view.functionCodes()) {
            rdb.writeByte(Rdb.OPCODE_FUNCTION_2);
            rdb.writeString(code);
        }
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            if (view.size(db) == 0) {
                continue;
            }
            rdb.writeByte(Rdb.OPCODE_SELECTDB);
            rdb.writeLength(db);
            rdb.writeByte(Rdb.OPCODE_RESIZEDB);
            rdb.writeLength(view.size(db));
            rdb.writeLength(view.expiringSize(db));
            view.forEach(db, (key, value, expireAtMillis) -> writeEntry(rdb, key, value, expireAtMillis));
        }
        rdb.writeByte(Rdb.OPCODE_EOF);
        long crc = rdb.crc();
        rdb.writeLittleEndian(crc, 8);
        rdb.flush();
    }

    /** One key as rdbSaveKeyValuePair writes it (no LRU or LFU hints: those follow only an eviction policy). */
    private static void writeEntry(RdbOutput rdb, byte[] key, Object value, long expireAtMillis) throws IOException {
        if (expireAtMillis != Database.NO_EXPIRY) {
            rdb.writeByte(Rdb.OPCODE_EXPIRETIME_MS);
            rdb.writeLittleEndian(expireAtMillis, 8);
        }
        rdb.writeByte(ValueEncoder.type(value));
        rdb.writeString(key);
        ValueEncoder.writeBody(rdb, value);
    }

    private static void writeAux(RdbOutput rdb, String name, byte[] value) throws IOException {
        rdb.writeByte(Rdb.OPCODE_AUX);
        rdb.writeString(name.getBytes(StandardCharsets.US_ASCII));
        rdb.writeString(value);
    }
}
