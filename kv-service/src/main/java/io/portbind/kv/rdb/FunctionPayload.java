package io.portbind.kv.rdb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * FUNCTION DUMP's payload, as Redis 7.0's {@code functionDumpCommand}: each library as the RDB's FUNCTION2 opcode
 * (245) and its code as an RDB string, then the RDB version and the CRC-64, as DUMP's footer.
 */
public final class FunctionPayload {

    private static final int FOOTER = 10;

    private FunctionPayload() {
    }

    /** The payload of the libraries whose codes are {@code codes}. */
    public static byte[] of(List<byte[]> codes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            RdbOutput out = new RdbOutput(bytes);
            for (byte[] code : codes) {
                out.writeByte(Rdb.OPCODE_FUNCTION_2);
                out.writeString(code);
            }
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
     * The library codes in a payload whose footer {@link DumpPayload#verify} accepted.
     *
     * @throws RdbFormatException when anything but FUNCTION2 entries comes before the footer
     */
    public static List<byte[]> parse(byte[] payload) throws RdbFormatException {
        RdbInput in = new RdbInput(new ByteArrayInputStream(payload, 0, payload.length - FOOTER), "payload");
        List<byte[]> codes = new ArrayList<>();
        try {
            while (in.offset() < payload.length - FOOTER) {
                int type = in.readByte("a function opcode");
                if (type != Rdb.OPCODE_FUNCTION_2) {
                    throw in.corruptAt(in.offset() - 1, "given type is not a function");
                }
                codes.add(in.readString("a library's code"));
            }
        } catch (RdbFormatException corrupt) {
            throw corrupt;
        } catch (IOException truncated) {
            throw new RdbFormatException("payload", in.offset(), "truncated library code");
        }
        return codes;
    }
}
