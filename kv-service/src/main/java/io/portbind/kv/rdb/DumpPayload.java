package io.portbind.kv.rdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The serialization of one value that DUMP returns and RESTORE takes, as Redis 7.0's createDumpPayload makes it:
 * the RDB type byte and the value's RDB encoding, then the RDB version (2 bytes, little-endian, 10) and the CRC-64
 * of everything before it (8 bytes, little-endian). Where the encoding is deterministic (strings, intsets,
 * listpacks, quicklists built by pushing at the tail, skiplists) it is the same bytes redis-server gives.
 */
public final class DumpPayload {

    private static final int FOOTER = 10;

    private DumpPayload() {
    }

    /** The payload of {@code value} (a {@code byte[]} string or one of our collection values). */
    public static byte[] of(Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            RdbOutput out = new RdbOutput(bytes);
            out.writeByte(ValueEncoder.type(value));
            ValueEncoder.writeBody(out, value);
            out.writeLittleEndian(Rdb.VERSION, 2);
            long crc = out.crc();
            out.writeLittleEndian(crc, 8);
            out.flush();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a byte array stream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Whether {@code payload} has a footer naming an RDB version we read (at most 10) and a matching checksum, as
     * verifyDumpPayload checks before anything is parsed.
     */
    public static boolean verify(byte[] payload) {
        if (payload.length < FOOTER) {
            return false;
        }
        int footer = payload.length - FOOTER;
        int version = (payload[footer] & 0xff) | (payload[footer + 1] & 0xff) << 8;
        if (version > Rdb.VERSION) {
            return false;
        }
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            stored |= (long) (payload[footer + 2 + i] & 0xff) << (8 * i);
        }
        return Crc64.update(0, payload, 0, payload.length - 8) == stored;
    }

    /**
     * The value in a payload {@link #verify} accepted.
     *
     * @throws RdbFormatException when the type or the encoding is invalid, or the value is an empty collection
     */
    public static Object parse(byte[] payload) throws RdbFormatException {
        // Over the whole payload, footer included, as Redis's rio reads it: a value may run into the footer.
        RdbInput in = new RdbInput(new ByteArrayInputStream(payload), "payload");
        try {
            int type = in.readByte("a value type");
            if (!ValueDecoder.isValueType(type)) {
                throw in.corruptAt(0, "expected a value type, found " + type);
            }
            Object value = ValueDecoder.read(in, type);
            if (value == null) {
                throw in.corrupt("empty collection");
            }
            return value;
        } catch (RdbFormatException invalid) {
            throw invalid;
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
