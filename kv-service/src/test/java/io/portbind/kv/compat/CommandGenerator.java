package io.portbind.kv.compat;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded source of random commands for one family, valid and invalid, as redis-cli lines, for
 * {@link RedisCompatibilityTest}: the setup lines, then commands drawn from the random source, then lines that
 * show the final state.
 */
interface CommandGenerator {

    List<String> setup();

    String next(SplittableRandom random);

    List<String> finish();

    /** One of {@code choices}, drawn from {@code random}. */
    static String oneOf(SplittableRandom random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
