package io.portbind.kv.compat;

import static io.portbind.kv.compat.CommandGenerator.oneOf;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Random bitmap commands and LCS: valid and invalid SETBIT, GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD, BITFIELD_RO,
 * LCS, SET, APPEND and GET over a few keys, one of them a list.
 */
final class BitmapCommandGenerator implements CommandGenerator {

    private static final String[] KEYS = {"b0", "b1", "b2", "list"};
    private static final String[] UNITS = {"BYTE", "BIT", "byte", "bit", "BITS"};

    @Override
    public List<String> setup() {
        return List.of("FLUSHALL", "RPUSH list x");
    }

    @Override
    public List<String> finish() {
        return List.of("GET b0", "GET b1", "GET b2", "GET list");
    }

    @Override
    public String next(SplittableRandom random) {
        String key = KEYS[random.nextInt(KEYS.length)];
        return switch (random.nextInt(12)) {
            case 0, 1 -> "SETBIT " + key + " " + offset(random) + " " + oneOf(random, "0", "1", "1", "0", "2", "x");
            case 2 -> "GETBIT " + key + " " + offset(random);
            case 3 -> "BITCOUNT " + key + range(random, 4);
            case 4 -> "BITPOS " + key + " " + oneOf(random, "0", "1", "0", "1", "3") + range(random, 5);
            case 5 -> "BITOP " + oneOf(random, "AND", "OR", "XOR", "NOT", "not", "NAND") + " " + key
                    + repeat(random, 1 + random.nextInt(3), r -> " " + KEYS[r.nextInt(KEYS.length)]);
            case 6, 7 -> "BITFIELD " + key + repeat(random, random.nextInt(5), BitmapCommandGenerator::fieldOperation);
            case 8 -> "BITFIELD_RO " + key + repeat(random, random.nextInt(4),
                    r -> r.nextInt(6) == 0 ? fieldOperation(r) : " GET " + fieldType(r) + " " + fieldOffset(r));
            case 9 -> "SET " + key + " " + bytes(random);
            case 10 -> "APPEND " + key + " " + bytes(random);
            default -> "LCS " + key + " " + KEYS[random.nextInt(KEYS.length)]
                    + repeat(random, random.nextInt(4), r -> " " + oneOf(r, "LEN", "IDX", "IDX", "WITHMATCHLEN",
                            "MINMATCHLEN " + (r.nextInt(5) - 1), "MINMATCHLEN"));
        };
    }

    private static String fieldOperation(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> " GET " + fieldType(random) + " " + fieldOffset(random);
            case 1, 2 -> " SET " + fieldType(random) + " " + fieldOffset(random) + " " + fieldValue(random);
            case 3, 4 -> " INCRBY " + fieldType(random) + " " + fieldOffset(random) + " " + fieldValue(random);
            case 5 -> " OVERFLOW " + oneOf(random, "WRAP", "SAT", "FAIL", "wrap", "sat", "fail", "NONE");
            default -> " " + oneOf(random, "GET u8", "SET i8 0", "INCRBY", "BAD u8 0");
        };
    }

    private static String fieldType(SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return oneOf(random, "u64", "i65", "i0", "u0", "x8", "U8", "i", "ix");
        }
        int bits = random.nextInt(4) == 0 ? 1 + random.nextInt(64) : 1 + random.nextInt(16);
        boolean signed = random.nextBoolean() || bits == 64;
        return (signed ? "i" : "u") + bits;
    }

    private static String fieldOffset(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> "#" + random.nextInt(20);
            case 1 -> oneOf(random, "-1", "#-1", "#", "x", "4294967296");
            default -> Integer.toString(random.nextInt(200));
        };
    }

    private static String fieldValue(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> oneOf(random, "9223372036854775807", "-9223372036854775808", "x", "1.5");
            case 1 -> Long.toString(random.nextLong());
            case 2 -> Long.toString(random.nextLong(-70000, 70000));
            default -> Integer.toString(random.nextInt(-300, 300));
        };
    }

    private static String offset(SplittableRandom random) {
        return switch (random.nextInt(15)) {
            case 0 -> oneOf(random, "-1", "x", "4294967296", "99999999999999999999");
            case 1 -> Integer.toString(random.nextInt(4000));
            default -> Integer.toString(random.nextInt(160));
        };
    }

    /** Up to {@code maximum} range arguments (start, end, unit), sometimes malformed. */
    private static String range(SplittableRandom random, int maximum) {
        StringBuilder arguments = new StringBuilder();
        int count = random.nextInt(maximum + 1);
        for (int i = 0; i < count; i++) {
            if (i < 2) {
                arguments.append(' ').append(random.nextInt(30) == 0 ? "z" : random.nextInt(-40, 40));
            } else if (i == 2) {
                arguments.append(' ').append(UNITS[random.nextInt(UNITS.length)]);
            } else {
                arguments.append(" extra");
            }
        }
        return arguments.toString();
    }

    /** A quoted string of 0 to 24 random bytes, from a small alphabet so that LCS finds matches. */
    private static String bytes(SplittableRandom random) {
        StringBuilder text = new StringBuilder("\"");
        int length = random.nextInt(25);
        for (int i = 0; i < length; i++) {
            int b = random.nextInt(8) == 0 ? random.nextInt(256) : "abcd\u00ff\u0000".charAt(random.nextInt(6));
            text.append(String.format("\\x%02x", b));
        }
        return text.append('"').toString();
    }

    private static String repeat(SplittableRandom random, int times, Function<SplittableRandom, String> part) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < times; i++) {
            text.append(part.apply(random));
        }
        return text.toString();
    }
}
