package io.portbind.kv.rdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DUMP payloads byte for byte against redis-server 7.0.15's DUMP of the same values (captured in
 * {@code rdb/redis-7.0.15-dumps.txt}, each value built there by the commands its builder below repeats), and
 * parsed back to the same value.
 */
class DumpPayloadTest {

    @Test
    void everyDeterministicEncodingIsRedisBytes() throws IOException {
        Map<String, byte[]> captured = captured();
        Map<String, Object> values = values();
        assertEquals(captured.keySet(), values.keySet());
        for (Map.Entry<String, Object> value : values.entrySet()) {
            String redis = HexFormat.of().formatHex(captured.get(value.getKey()));
            assertEquals(redis, HexFormat.of().formatHex(DumpPayload.of(value.getValue())), value.getKey());
        }
    }

    @Test
    void redisPayloadsParseToTheSameValues() throws IOException {
        for (Map.Entry<String, byte[]> payload : captured().entrySet()) {
            assertTrue(DumpPayload.verify(payload.getValue()), payload.getKey());
            Object parsed = DumpPayload.parse(payload.getValue());
            assertEquals(Values.describe(values().get(payload.getKey())), Values.describe(parsed), payload.getKey());
        }
    }

    @Test
    void verifyRefusesWrongChecksumsNewerVersionsAndShortPayloads() throws IOException {
        byte[] payload = DumpPayload.of(bytes("hello"));
        assertTrue(DumpPayload.verify(payload));
        byte[] flipped = payload.clone();
        flipped[2] ^= 1;
        assertFalse(DumpPayload.verify(flipped));
        byte[] newer = payload.clone();
        newer[payload.length - 10] = 11;
        assertFalse(DumpPayload.verify(newer));
        assertFalse(DumpPayload.verify(new byte[9]));
    }

    @Test
    void parseRefusesAnUnknownTypeAndATruncatedValue() {
        assertThrows(RdbFormatException.class, () -> DumpPayload.parse(withFooter(new byte[] {8, 1, 'a'})));
        assertThrows(RdbFormatException.class, () -> DumpPayload.parse(withFooter(new byte[] {0, 40, 'a'})));
        assertThrows(RdbFormatException.class, () -> DumpPayload.parse(withFooter(new byte[] {15, 1, 'a'})));
    }

    private static byte[] withFooter(byte[] body) {
        byte[] payload = new byte[body.length + 10];
        System.arraycopy(body, 0, payload, 0, body.length);
        payload[body.length] = 10;
        return payload;
    }

    private static Map<String, byte[]> captured() throws IOException {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        try (InputStream in = DumpPayloadTest.class.getResourceAsStream("/rdb/redis-7.0.15-dumps.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split(" ");
                    payloads.put(parts[0], HexFormat.of().parseHex(parts[1]));
                }
            }
        }
        return payloads;
    }

    /** The values the capture script built, in the same order of commands. */
    static Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("s:int8", bytes("-100"));
        values.put("s:int16", bytes("30000"));
        values.put("s:int32", bytes("-2000000000"));
        values.put("s:int64", bytes("9000000000"));
        values.put("s:plain", bytes("hello"));
        values.put("s:lzf", bytes("a".repeat(49)));
        values.put("s:lead0", bytes("007"));
        values.put("s:bin", new byte[] {0, (byte) 0xff, '\r', '\n'});
        values.put("s:abc", bytes("abcabcabcabcabcabcabcabcabcabc1234567890abcdefghij"));
        values.put("l:small", list("a", "b", "1", "2", "300", "-5000", "70000", "-9000000", "3000000000",
                "-9223372036854775808", "x".repeat(70), "y".repeat(5000)));
        ListValue big = new ListValue();
        for (int i = 0; i < 2000; i++) {
            big.addLast(bytes("element-" + i));
        }
        values.put("l:big", big);
        values.put("si:16", set("1", "2", "3", "-5"));
        values.put("si:32", set("1", "100000"));
        values.put("si:64", set("1", "-9223372036854775808", "9223372036854775807"));
        values.put("set:one", set("abc"));
        HashValue hash = new HashValue();
        hash.put(bytes("f"), bytes("v"));
        hash.put(bytes("f2"), bytes("12"));
        hash.put(bytes("num"), bytes("-4096"));
        values.put("h:small", hash);
        SortedSetValue small = new SortedSetValue();
        double[] scores = {1.5, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.1, -0.0, 1e20, 123456789012.0};
        String[] members = {"a", "b", "c", "d", "e", "f", "g", "h"};
        for (int i = 0; i < members.length; i++) {
            small.put(bytes(members[i]), scores[i]);
        }
        values.put("z:small", small);
        SortedSetValue zbig = new SortedSetValue();
        for (int i = 0; i < 200; i++) {
            zbig.put(bytes("member-" + i), i * 0.5);
        }
        values.put("z:big", zbig);
        return values;
    }

    private static ListValue list(String... elements) {
        ListValue list = new ListValue();
        for (String element : elements) {
            list.addLast(bytes(element));
        }
        return list;
    }

    private static SetValue set(String... members) {
        SetValue set = new SetValue();
        for (String member : members) {
            set.add(bytes(member));
        }
        return set;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void payloadRoundTripsKeepEncodings() throws IOException {
        for (Object value : values().values()) {
            Object back = DumpPayload.parse(DumpPayload.of(value));
            assertEquals(Values.describe(value), Values.describe(back));
            assertArrayEquals(DumpPayload.of(value), DumpPayload.of(back));
        }
    }
}
