package io.portbind.kv.compat;

import static io.portbind.kv.compat.CommandGenerator.oneOf;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random HyperLogLog commands: PFADD of batches of random elements to two small HLLs and one that grows past
 * 100,000 elements (so every sequence crosses from sparse to dense), PFCOUNT of one or several keys, PFMERGE of
 * mixed encodings, GET of the bytes, PFDEBUG, a changing {@code hll-sparse-max-bytes}, and now and then a byte
 * overwritten by SETRANGE, so that corrupted HLLs are met too.
 */
final class HyperLogLogCommandGenerator implements CommandGenerator {

    private static final String[] KEYS = {"small0", "small1", "big", "merged", "text"};

    @Override
    public List<String> setup() {
        return List.of("FLUSHALL", "SET text hello", "CONFIG SET hll-sparse-max-bytes 3000");
    }

    @Override
    public List<String> finish() {
        return List.of("GET small0", "GET small1", "GET big", "GET merged", "PFCOUNT big",
                "CONFIG SET hll-sparse-max-bytes 3000");
    }

    @Override
    public String next(SplittableRandom random) {
        String key = KEYS[random.nextInt(KEYS.length)];
        int choice = random.nextInt(100);
        if (choice < 30) {
            return "PFADD big" + elements(random, 50 + random.nextInt(250));
        }
        if (choice < 55) {
            return "PFADD " + key + elements(random, random.nextInt(20));
        }
        if (choice < 70) {
            return "PFCOUNT " + key;
        }
        if (choice < 76) {
            return "PFCOUNT " + key + " " + KEYS[random.nextInt(KEYS.length)] + " missing";
        }
        if (choice < 82) {
            return "PFMERGE " + oneOf(random, "merged", "small0", "missing") + " " + key + " "
                    + KEYS[random.nextInt(KEYS.length)];
        }
        if (choice < 90) {
            return "GET " + key;
        }
        if (choice < 94) {
            return "PFDEBUG " + oneOf(random, "ENCODING", "DECODE", "TODENSE", "ENCODING") + " " + key;
        }
        if (choice < 96) {
            return "CONFIG SET hll-sparse-max-bytes " + oneOf(random, "3000", "100", "400", "20000");
        }
        if (choice < 98) {
            return "SETRANGE " + oneOf(random, "small0", "small1") + " " + random.nextInt(40) + " "
                    + String.format("\"\\x%02x\"", random.nextInt(256));
        }
        return "DEL " + oneOf(random, "small0", "small1", "merged");
    }

    private static String elements(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            boolean binary = random.nextInt(10) == 0;
            text.append(binary ? " \"\\x00\\xff" + random.nextInt(1000) + "\"" : " e" + random.nextInt());
        }
        return text.toString();
    }
}
