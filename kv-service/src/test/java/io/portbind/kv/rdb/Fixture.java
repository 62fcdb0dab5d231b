package io.portbind.kv.rdb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import redis.clients.jedis.Jedis;

/**
 * One data set of every type in every encoding Redis 7.0 keeps, sent as commands to any server (redis-server or
 * kv-service), and the contents of a server read back as comparable text through the same commands.
 */
public final class Fixture {

    private static final int DATABASES = 16;

    private Fixture() {
    }

    /** Fills the server behind {@code jedis}; expiry times are {@code expireAt} and later, absolute, so exact. */
    public static void apply(Jedis jedis, long expireAt) {
        for (byte[][] command : commands(expireAt)) {
            jedis.sendCommand(() -> command[0], Arrays.copyOfRange(command, 1, command.length));
        }
    }

    private static List<byte[][]> commands(long expireAt) {
        List<byte[][]> c = new ArrayList<>();
        for (int db = DATABASES - 1; db >= 0; db--) {
            c.add(cmd("SELECT", Integer.toString(db)));
            c.add(cmd("SET", "marker", "database " + db));
        }
        for (String integer : List.of("0", "-1", "127", "128", "-129", "32767", "-32768", "2147483647",
                "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "007", "+5", "-0")) {
            c.add(cmd("SET", "s:" + integer, integer));
        }
        c.add(cmd("SET", "s:empty", ""));
        c.add(cmd("SET", "s:plain", "hello"));
        c.add(cmd("SET", "s:compressible", "ab".repeat(500)));
        c.add(cmd("SET", "s:big", "0123456789".repeat(20_000)));
        c.add(new byte[][] {bytes("SET"), bytes("s:random"), random(8000, 1)});
        c.add(new byte[][] {bytes("SET"), {0, 'b', 'i', 'n', (byte) 0xff}, {'\r', '\n', 0}});
        c.add(cmd("RPUSH", "l:small", "a", "b", "1", "-1", "300", "70000", "-9000000", "3000000000", ""));
        c.add(cmd("LPUSH", "l:lpushed", "x", "y", "z"));
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            big.add(i % 100 == 0 ? "long-" + "x".repeat(3000) : "item-" + i);
        }
        c.add(cmd("RPUSH", "l:big", big));
        c.add(cmd("RPUSH", "l:huge-element", "y".repeat(20_000), "a", "b"));
        c.add(cmd("SADD", "set:ints", "1", "2", "3", "-100"));
        c.add(cmd("SADD", "set:int64", "9223372036854775807", "-9223372036854775808", "5"));
        c.add(cmd("SADD", "set:strings", "a", "b", "c", "010"));
        List<String> ints = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            ints.add(Integer.toString(i * 7 - 1000));
        }
        c.add(cmd("SADD", "set:600ints", ints));
        c.add(cmd("HSET", "h:small", "f", "v", "n", "12", "neg", "-4096", "e", ""));
        c.add(cmd("HSET", "h:longvalue", "f", "v".repeat(100)));
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            fields.add("field-" + i);
            fields.add(i % 2 == 0 ? Integer.toString(i) : "value-" + i);
        }
        c.add(cmd("HSET", "h:big", fields));
        c.add(cmd("PFADD", "hll:sparse", "a", "b", "c"));
        c.add(cmd("PFCOUNT", "hll:sparse"));
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            elements.add("element-" + i);
        }
        c.add(cmd("PFADD", "hll:dense", elements));
        c.add(cmd("ZADD", "z:small", "1", "a", "2.5", "b", "-inf", "c", "inf", "d", "0.1", "e", "-3", "f"));
        c.add(cmd("ZADD", "z:long-member", "1", "m".repeat(100), "2", "n"));
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            members.add(Double.toString(i * 0.25 - 10));
            members.add("member-" + i);
        }
        c.add(cmd("ZADD", "z:big", members));
        String[] expiring = {"s:plain", "s:big", "l:small", "l:big", "set:ints", "set:600ints", "h:small", "h:big",
            "z:small", "z:big"};
        for (int i = 0; i < expiring.length; i++) {
            c.add(cmd("PEXPIREAT", expiring[i], Long.toString(expireAt + i)));
        }
        c.add(cmd("SELECT", "3"));
        c.add(cmd("RPUSH", "db3:list", "one", "two"));
        c.add(cmd("ZADD", "db3:zset", "1", "x"));
        c.add(cmd("SET", "db3:expiring", "v"));
        c.add(cmd("PEXPIREAT", "db3:expiring", Long.toString(expireAt + 100)));
        c.add(cmd("SELECT", "15"));
        c.add(cmd("HSET", "db15:hash", "a", "1"));
        c.add(cmd("PEXPIREAT", "db15:hash", Long.toString(expireAt + 200)));
        c.add(cmd("SELECT", "0"));
        return c;
    }

    /**
     * Every key of every database as one line: database, key, type, encoding (not for strings), PEXPIRETIME and
     * the contents (sets and hashes sorted), all binary-safe in hex.
     */
    public static List<String> contents(Jedis jedis) {
        List<String> lines = new ArrayList<>();
        for (int db = 0; db < DATABASES; db++) {
            jedis.select(db);
            List<String> keys = new ArrayList<>();
            for (byte[] key : jedis.keys(bytes("*"))) {
                keys.add(describe(jedis, db, key));
            }
            keys.sort(null);
            lines.addAll(keys);
        }
        jedis.select(0);
        return lines;
    }

    private static String describe(Jedis jedis, int db, byte[] key) {
        String type = jedis.type(key);
        String encoding = type.equals("string") ? "" : new String(jedis.objectEncoding(key), StandardCharsets.UTF_8);
        Object expiry = jedis.sendCommand(() -> bytes("PEXPIRETIME"), key);
        String contents = switch (type) {
            case "string" -> hex(jedis.get(key));
            case "list" -> hexes(jedis.lrange(key, 0, -1), false);
            case "set" -> hexes(new ArrayList<>(jedis.smembers(key)), true);
            case "hash" -> {
                List<String> pairs = new ArrayList<>();
                jedis.hgetAll(key).forEach((field, value) -> pairs.add(hex(field) + "=" + hex(value)));
                pairs.sort(null);
                yield pairs.toString();
            }
            default -> hexes(raw(jedis.sendCommand(() -> bytes("ZRANGE"), key, bytes("0"), bytes("-1"),
                    bytes("WITHSCORES"))), false);
        };
        return db + " " + hex(key) + " " + type + " " + encoding + " " + expiry + " " + contents;
    }

    @SuppressWarnings("unchecked")
    private static List<byte[]> raw(Object reply) {
        return (List<byte[]>) reply;
    }

    private static String hexes(List<byte[]> elements, boolean sorted) {
        List<String> texts = new ArrayList<>(elements.stream().map(Fixture::hex).toList());
        if (sorted) {
            texts.sort(null);
        }
        return texts.toString();
    }

    private static byte[][] cmd(String name, String key, List<String> args) {
        List<String> all = new ArrayList<>(List.of(key));
        all.addAll(args);
        return cmd(name, all.toArray(String[]::new));
    }

    private static byte[][] cmd(String name, String... args) {
        byte[][] command = new byte[args.length + 1][];
        command[0] = bytes(name);
        for (int i = 0; i < args.length; i++) {
            command[i + 1] = bytes(args[i]);
        }
        return command;
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
