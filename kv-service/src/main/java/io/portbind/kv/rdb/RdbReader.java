package io.portbind.kv.rdb;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads a whole RDB file of version 1 to 10, as redis-server 7.0 writes and reads them (rdbLoadRio), into an
 * {@link RdbSink}. It reads exactly the RDB bytes, up to and including the checksum, and never ahead, so an old
 * single-file AOF with an RDB preamble can go on being read from the same stream (give it a buffered stream: the
 * reader asks for small pieces).
 *
 * <p>Opcodes: AUX fields go to the sink; SELECTDB and EXPIRETIME(_MS) apply to the keys after them; RESIZEDB
 * is only a hint; IDLE and FREQ (LRU and LFU hints, written only under an eviction policy) are read and dropped.
 * MODULE_AUX and FUNCTION are refused with a clear error: we have no modules, and no functions to load the
 * library into, and skipping either would silently lose what the file holds. Streams and module values are
 * refused the same way, naming the type.
 *
 * <p>Anything truncated, corrupt or unexpected is an {@link RdbFormatException} naming the file, the offset and
 * what was expected. A stored checksum of 0 means "not computed" (rdbchecksum no) and is not checked.
 */
public final class RdbReader {

    /** What a successful read found: the file's RDB version, how many keys went to the sink, and its length. */
    public record Summary(int version, long keys, long bytes) {
    }

    private static final String MAGIC = "REDIS";
    private static final int FIRST_VERSION_WITH_CHECKSUM = 5;

    private RdbReader() {
    }

    /**
     * Reads one RDB file from {@code in} into {@code sink}; {@code file} names it in errors. Empty collections are
     * skipped, as Redis skips them. The stream is not closed.
     */
    public static Summary read(InputStream in, String file, RdbSink sink) throws IOException {
        RdbInput rdb = new RdbInput(in, file);
        int version = readHeader(rdb);
        int db = 0;
        long keys = 0;
        long expireAt = Database.NO_EXPIRY;
        while (true) {
            long at = rdb.offset();
            int type = rdb.readByte("an opcode or a value type");
            switch (type) {
                case Rdb.OPCODE_EOF -> {
                    checkChecksum(rdb, version);
                    return new Summary(version, keys, rdb.offset());
                }
                case Rdb.OPCODE_SELECTDB -> db = rdb.readCount("database number", Keyspace.DATABASES - 1);
                case Rdb.OPCODE_RESIZEDB -> {
                    rdb.readLength("database size hint");
                    rdb.readLength("expires size hint");
                }
                case Rdb.OPCODE_EXPIRETIME_MS -> expireAt = rdb.readLittleEndian(8, "an expiry time in milliseconds");
                case Rdb.OPCODE_EXPIRETIME -> expireAt = rdb.readLittleEndian(4, "an expiry time in seconds") * 1000;
                case Rdb.OPCODE_IDLE -> rdb.readLength("an LRU idle time");
                case Rdb.OPCODE_FREQ -> rdb.readByte("an LFU frequency");
                case Rdb.OPCODE_AUX -> {
                    byte[] name = rdb.readString("AUX field name");
                    sink.aux(name, rdb.readString("AUX field value"));
                }
                case Rdb.OPCODE_MODULE_AUX -> throw rdb.corruptAt(at,
                        "module data (MODULE_AUX) cannot be loaded: kv-service has no modules");
                case Rdb.OPCODE_FUNCTION_2 -> {
                    byte[] code = rdb.readString("a function library's code");
                    try {
                        sink.function(code);
                    } catch (IllegalArgumentException refused) {
                        throw rdb.corruptAt(at, "the function library does not load: " + refused.getMessage());
                    }
                }
                case Rdb.OPCODE_FUNCTION_PRE_GA -> throw rdb.corruptAt(at,
                        "a function library of Redis 7.0's release candidates (FUNCTION PRE GA) cannot be loaded");
                default -> {
                    if (!ValueDecoder.isValueType(type)) {
                        throw rdb.corruptAt(at, "expected an opcode or a value type, found " + type);
                    }
                    byte[] key = rdb.readString("key");
                    if (!ValueDecoder.isSupported(type)) {
                        throw rdb.corruptAt(at, "cannot load key \"" + printable(new String(key,
                                StandardCharsets.ISO_8859_1)) + "\": a value of type " + Rdb.typeName(type)
                                + ", and kv-service holds no module values");
                    }
                    Object value = ValueDecoder.read(rdb, type);
                    if (value != null) {
                        sink.entry(db, key, value, expireAt);
                        keys++;
                    }
                    expireAt = Database.NO_EXPIRY;
                }
            }
        }
    }

    private static int readHeader(RdbInput rdb) throws IOException {
        byte[] magic = rdb.readBytes(9, "the RDB header REDIS0010");
        String text = new String(magic, StandardCharsets.US_ASCII);
        if (!text.startsWith(MAGIC)) {
            throw rdb.corruptAt(0, "not an RDB file: expected the header REDIS0010, found \"" + printable(text) + "\"");
        }
        int version;
        try {
            version = Integer.parseInt(text.substring(MAGIC.length()));
        } catch (NumberFormatException notANumber) {
            throw rdb.corruptAt(MAGIC.length(), "expected a 4-digit RDB version, found \"" + printable(text) + "\"");
        }
        if (version < 1 || version > Rdb.VERSION) {
            throw rdb.corruptAt(MAGIC.length(), "RDB version " + version + " is not supported (1 to "
                    + Rdb.VERSION + ")");
        }
        return version;
    }

    private static void checkChecksum(RdbInput rdb, int version) throws IOException {
        if (version < FIRST_VERSION_WITH_CHECKSUM) {
            return;
        }
        long expected = rdb.crc();
        long at = rdb.offset();
        long stored = rdb.readLittleEndian(8, "the CRC-64 checksum");
        if (stored != 0 && stored != expected) {
            throw rdb.corruptAt(at, "checksum mismatch: the file says " + Long.toHexString(stored)
                    + ", its contents give " + Long.toHexString(expected));
        }
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
