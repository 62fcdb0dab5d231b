package io.portbind.kv.rdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.lists.ListValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reader on files it must accept (every opcode, checksum 0, old versions) and on files it must refuse:
 * every truncation and every corrupted byte of a real file is an error naming the file and the offset, never a
 * quiet partial load.
 */
class RdbReaderTest {

    private record Entry(int db, String key, Object value, long expireAt) {
    }

    @Test
    void writtenFileReadsBackWithDatabasesExpiriesAndAux() throws IOException {
        byte[] file = sampleFile();
        List<Entry> entries = new ArrayList<>();
        List<String> aux = new ArrayList<>();
        RdbReader.Summary summary = RdbReader.read(new ByteArrayInputStream(file), "dump.rdb", new RdbSink() {
            @Override
            public void entry(int db, byte[] key, Object value, long expireAtMillis) {
                entries.add(new Entry(db, text(key), value, expireAtMillis));
            }

            @Override
            public void aux(byte[] name, byte[] value) {
                aux.add(text(name) + "=" + text(value));
            }
        });
        assertEquals(new RdbReader.Summary(10, 3, file.length), summary);
        assertEquals(List.of("redis-ver=7.0.15", "redis-bits=64"), aux.subList(0, 2));
        assertEquals("aof-base=0", aux.get(4));
        assertEquals(List.of("0 s " + Database.NO_EXPIRY, "0 l 4102444800000", "7 h " + Database.NO_EXPIRY),
                entries.stream().map(e -> e.db() + " " + e.key() + " " + e.expireAt()).toList());
        assertEquals("list/quicklist [61, 3132]", Values.describe(entries.get(1).value()));
    }

    @Test
    void everyOpcodeOfOlderFilesAndAChecksumOfZeroAreAccepted() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RdbOutput out = new RdbOutput(bytes);
        out.writeBytes("REDIS0009".getBytes(StandardCharsets.US_ASCII));
        out.writeByte(Rdb.OPCODE_AUX);
        out.writeString(bytes("redis-ver"));
        out.writeString(bytes("6.2.0"));
        out.writeByte(Rdb.OPCODE_SELECTDB);
        out.writeLength(2);
        out.writeByte(Rdb.OPCODE_RESIZEDB);
        out.writeLength(1);
        out.writeLength(1);
        out.writeByte(Rdb.OPCODE_EXPIRETIME);
        out.writeLittleEndian(4_102_444_800L, 4);
        out.writeByte(Rdb.OPCODE_IDLE);
        out.writeLength(100);
        out.writeByte(Rdb.OPCODE_FREQ);
        out.writeByte(5);
        out.writeByte(Rdb.TYPE_STRING);
        out.writeString(bytes("k"));
        out.writeString(bytes("v"));
        out.writeByte(Rdb.TYPE_SET);
        out.writeString(bytes("empty"));
        out.writeLength(0);
        out.writeByte(Rdb.OPCODE_EOF);
        out.writeLittleEndian(0, 8);
        out.flush();
        List<Entry> entries = new ArrayList<>();
        RdbReader.Summary summary = RdbReader.read(new ByteArrayInputStream(bytes.toByteArray()), "old.rdb",
                (db, key, value, expireAt) -> entries.add(new Entry(db, text(key), value, expireAt)));
        assertEquals(9, summary.version());
        assertEquals(1, entries.size()); // the empty set is skipped, as Redis skips it
        assertEquals(new Entry(2, "k", entries.get(0).value(), 4_102_444_800_000L), entries.get(0));
    }

    @Test
    void theReaderStopsAfterTheChecksumLeavingWhatFollows() throws IOException {
        byte[] file = sampleFile();
        byte[] withTail = Arrays.copyOf(file, file.length + 5);
        System.arraycopy(bytes("*1\r\n"), 0, withTail, file.length, 4);
        ByteArrayInputStream in = new ByteArrayInputStream(withTail);
        RdbReader.read(in, "appendonly.aof", (db, key, value, expireAt) -> { });
        assertEquals('*', in.read());
    }

    @Test
    void everyTruncationIsAnErrorNamingFileAndOffset() throws IOException {
        byte[] file = sampleFile();
        for (int length = 0; length < file.length; length++) {
            byte[] truncated = Arrays.copyOf(file, length);
            RdbFormatException error = assertThrows(RdbFormatException.class, () -> read(truncated),
                    "truncated to " + length);
            assertEquals("dump.rdb", error.file());
            assertEquals(length, error.offset(), error.getMessage());
            assertTrue(error.getMessage().startsWith("dump.rdb: at byte " + length + ": unexpected end of file, "
                    + "expected "), error.getMessage());
        }
        RdbFormatException header = assertThrows(RdbFormatException.class, () -> read(Arrays.copyOf(file, 9)));
        assertEquals("dump.rdb: at byte 9: unexpected end of file, expected an opcode or a value type",
                header.getMessage());
    }

    @Test
    void everyCorruptedByteIsAnError() throws IOException {
        byte[] file = sampleFile();
        for (int at = 0; at < file.length; at++) {
            byte[] corrupt = file.clone();
            corrupt[at] ^= 0x5a;
            assertThrows(RdbFormatException.class, () -> read(corrupt), "byte " + at + " corrupted");
        }
    }

    @Test
    void checksumMismatchSaysWhere() throws IOException {
        byte[] file = sampleFile();
        file[file.length - 1] ^= 1;
        RdbFormatException error = assertThrows(RdbFormatException.class, () -> read(file));
        assertEquals(file.length - 8, error.offset());
        assertTrue(error.getMessage().contains("checksum mismatch"), error.getMessage());
    }

    @Test
    void typesAndDataWeCannotHoldAreRefusedByName() {
        assertRefused(new byte[] {(byte) Rdb.TYPE_STREAM_LISTPACKS_2, 1, 'k', 1, 2, 'a', 'b'}, "at byte 13: stream "
                + "node key is not the size of a stream ID");
        assertRefused(new byte[] {(byte) Rdb.TYPE_MODULE_2, 1, 'k'}, "type module");
        assertRefused(new byte[] {(byte) Rdb.OPCODE_MODULE_AUX, 1}, "at byte 9: module data (MODULE_AUX)");
        assertRefused(new byte[] {(byte) Rdb.OPCODE_FUNCTION_2, 1, (byte) 'x'}, "the function library does not load");
        assertRefused(new byte[] {8, 1, 'k'}, "expected an opcode or a value type, found 8");
        assertRefused(new byte[] {(byte) Rdb.OPCODE_SELECTDB, 16}, "database number 16 is out of range");
        assertRefused(new byte[] {(byte) Rdb.TYPE_LIST, 1, 'k', (byte) 0x81, 1, 0, 0, 0, 0, 0, 0, 0}, "list length");
        assertRefused(new byte[] {0, 1, 'k', (byte) 0x80, 0x7f, 0, 0, 0}, "string value length");
        assertRefused(new byte[] {0, 1, 'k', (byte) 0xc3, 2, 0x7f, 1, 'a'}, "LZF lengths 2 and 16129");
        assertRefused(new byte[] {(byte) Rdb.TYPE_SET, 1, 'k', 2, 1, 'a', 1, 'a'}, "duplicate set member");
        assertRefused(new byte[] {(byte) Rdb.TYPE_HASH_LISTPACK, 1, 'k', 3, 1, 2, 3}, "invalid hash listpack");
    }

    @Test
    void headersOfOtherFilesOrNewerVersionsAreRefused() {
        RdbFormatException notRdb = assertThrows(RdbFormatException.class,
                () -> read(bytes("*2\r\n$6\r\nSELECT\r\n")));
        assertEquals("dump.rdb: at byte 0: not an RDB file: expected the header REDIS0010, found \"*2??$6??S\"",
                notRdb.getMessage());
        RdbFormatException newer = assertThrows(RdbFormatException.class, () -> read(bytes("REDIS0011\u00ff")));
        assertEquals("dump.rdb: at byte 5: RDB version 11 is not supported (1 to 10)", newer.getMessage());
    }

    private static void assertRefused(byte[] body, String expected) {
        byte[] file = Arrays.copyOf(bytes("REDIS0010"), 9 + body.length);
        System.arraycopy(body, 0, file, 9, body.length);
        RdbFormatException error = assertThrows(RdbFormatException.class, () -> read(file));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static void read(byte[] file) throws IOException {
        RdbReader.read(new ByteArrayInputStream(file), "dump.rdb", (db, key, value, expireAt) -> { });
    }

    /** A string, a list with an expiry time in database 0, and a hash in database 7. */
    private static byte[] sampleFile() throws IOException {
        Map<Integer, List<Object[]>> databases = Map.of(0, List.of(
                new Object[] {bytes("s"), bytes("value"), Database.NO_EXPIRY},
                new Object[] {bytes("l"), list("a", "12"), 4_102_444_800_000L}),
                7, List.<Object[]>of(new Object[] {bytes("h"), hash("f", "v"), Database.NO_EXPIRY}));
        KeyspaceView view = new KeyspaceView() {
            @Override
            public long size(int db) {
                return databases.getOrDefault(db, List.of()).size();
            }

            @Override
            public long expiringSize(int db) {
                return databases.getOrDefault(db, List.of()).stream().filter(e -> (long) e[2] != -1).count();
            }

            @Override
            public void forEach(int db, EntryVisitor visitor) throws IOException {
                for (Object[] entry : databases.getOrDefault(db, List.of())) {
                    visitor.visit((byte[]) entry[0], entry[1], (long) entry[2]);
                }
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RdbWriter.write(view, out, RdbPurpose.SNAPSHOT);
        assertTrue(Keyspace.DATABASES > 7);
        return out.toByteArray();
    }

    private static ListValue list(String... elements) {
        ListValue list = new ListValue();
        for (String element : elements) {
            list.addLast(bytes(element));
        }
        return list;
    }

    private static HashValue hash(String field, String value) {
        HashValue hash = new HashValue();
        hash.put(bytes(field), bytes(value));
        return hash;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
