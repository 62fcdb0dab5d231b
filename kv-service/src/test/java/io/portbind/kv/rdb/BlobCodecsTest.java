package io.portbind.kv.rdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blobs inside RDB values, byte for byte against what redis-server 7.0.15 put in its DUMP payloads (the hex
 * below is cut from payloads in {@code rdb/redis-7.0.15-dumps.txt}), and the checksum and compression around them.
 */
class BlobCodecsTest {

    @Test
    void crc64IsRedisJonesVariant() {
        byte[] text = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0xe9c6d914c4b8d9caL, Crc64.update(0, text, 0, text.length));
    }

    @Test
    void listpackOfAHashIsRedisBytes() {
        // HSET h:small f v f2 12 num -4096: strings, a 7-bit integer and a 13-bit negative one.
        String redis = "1b00000006008166028176028266320" + "30c01836e756d04d00002ff";
        byte[] blob = Listpack.of(List.of(bytes("f"), bytes("v"), bytes("f2"), bytes("12"), bytes("num"),
                bytes("-4096")));
        assertEquals(redis, HexFormat.of().formatHex(blob));
        assertEquals(List.of("f", "v", "f2", "12", "num", "-4096"), texts(Listpack.entries(blob)));
    }

    @Test
    void listpackIntegerWidthsAndStringLengths() {
        List<byte[]> elements = List.of(bytes("300"), bytes("-5000"), bytes("70000"), bytes("-9000000"),
                bytes("3000000000"), bytes("-9223372036854775808"), bytes("x".repeat(70)), bytes("y".repeat(5000)),
                bytes("007"), bytes("-0"), bytes("+1"), bytes("9223372036854775808"));
        byte[] blob = Listpack.of(elements);
        assertEquals(texts(elements), texts(Listpack.entries(blob)));
        String hex = HexFormat.of().formatHex(blob);
        assertTrue(hex.contains("c12c02f178ec03f270110104"), hex); // 300, -5000, 70000 as in l:small's payload
    }

    @Test
    void listpackRefusesWrongSizesAndBacklens() {
        byte[] blob = Listpack.of(List.of(bytes("abc")));
        byte[] shortened = Arrays.copyOf(blob, blob.length - 1);
        assertThrows(IllegalArgumentException.class, () -> Listpack.entries(shortened));
        byte[] badBacklen = blob.clone();
        badBacklen[blob.length - 2] = 9;
        assertThrows(IllegalArgumentException.class, () -> Listpack.entries(badBacklen));
    }

    @Test
    void intsetWidthsAreRedisBytes() {
        assertEquals("0200000004000000fbff010002000300", HexFormat.of().formatHex(Intset.of(new long[] {-5, 1, 2, 3})));
        assertEquals("040000000200000001000000a0860100", HexFormat.of().formatHex(Intset.of(new long[] {1, 100000})));
        long[] wide = {Long.MIN_VALUE, 1, Long.MAX_VALUE};
        assertArrayEquals(wide, Intset.members(Intset.of(wide)));
        assertThrows(IllegalArgumentException.class, () -> Intset.members(Intset.of(new long[] {2, 1})));
    }

    @Test
    void lzfIsRedisBytesAndRoundTrips() {
        byte[] as = bytes("a".repeat(49));
        assertEquals("01616" + "1e024000161" + "61", HexFormat.of().formatHex(Lzf.compress(as, as.length - 4)));
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[1 + random.nextInt(3000)];
            for (int i = 0; i < input.length; i++) {
                input[i] = (byte) "abcab\u0000".charAt(random.nextInt(round % 2 == 0 ? 3 : 6));
            }
            byte[] compressed = Lzf.compress(input, input.length + 64);
            assertArrayEquals(input, Lzf.decompress(compressed, input.length));
        }
        assertNull(Lzf.compress(bytes("abcdefghijklmnopqrstuvwxyz"), 22)); // incompressible within len - 4
        assertNull(Lzf.decompress(new byte[] {5, 'a'}, 6)); // a literal run past the input
    }

    @Test
    void canonicalIntegersAreExactlyRedisStringToLongLong() {
        for (String yes : List.of("0", "-1", "9223372036854775807", "-9223372036854775808", "12")) {
            assertTrue(CanonicalInteger.test(bytes(yes)), yes);
            assertEquals(Long.parseLong(yes), CanonicalInteger.parse(bytes(yes)));
        }
        for (String no : List.of("", "-", "-0", "007", "+1", " 1", "1 ", "9223372036854775808", "1e3", "0x1")) {
            assertFalse(CanonicalInteger.test(bytes(no)), no);
        }
    }

    @Test
    void ziplistAndZipmapDecode() {
        // "a", 7 (an immediate 0xf8), 300 (int16), each led by the previous entry's length, as Redis 6.2 wrote them.
        byte[] ziplist = HexFormat.of().parseHex("140000000f0000000300" + "000161" + "03f8" + "02c02c01" + "ff");
        assertEquals(List.of("a", "7", "300"), texts(Ziplist.entries(ziplist)));
        assertThrows(IllegalArgumentException.class, () -> Ziplist.entries(Arrays.copyOf(ziplist, 12)));
        // f -> v, hi -> hi with one free byte after the value.
        byte[] zipmap = HexFormat.of().parseHex("02" + "0166" + "010076" + "026869" + "02016869" + "00" + "ff");
        assertEquals(List.of("f", "v", "hi", "hi"), texts(Zipmap.entries(zipmap)));
    }

    private static List<String> texts(List<byte[]> entries) {
        return entries.stream().map(e -> new String(e, StandardCharsets.ISO_8859_1)).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
