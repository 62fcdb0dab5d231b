package io.portbind.kv.declaration;

import static io.portbind.kv.declaration.Declarations.ours;
import static io.portbind.kv.declaration.Declarations.redisOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The first/last/step triple and movablekeys flag; the expected values are redis-server 7.0.15's COMMAND INFO for
 * the same command (elements 4 to 6, and whether element 3 lists movablekeys), written here as literals.
 */
class LegacyKeyRangeTest {

    @Test
    void oneIndexRangeSpecIsTakenAsIs() {
        assertEquals(new LegacyKeyRange(1, 1, 1, false), ours("set.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, 1, 1, false), ours("get.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, -1, 2, false), ours("mset.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, -2, 1, false), ours("blpop.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, -1, 1, false), ours("del.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(2, 2, 1, false), ours("object-encoding.json").legacyKeyRange());
    }

    @Test
    void consecutiveSpecsAreMerged() {
        assertEquals(new LegacyKeyRange(1, 2, 1, false), ours("lmove.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, 2, 1, false), ours("copy.json").legacyKeyRange());
        // A last key counted from the end wins (Redis compares as unsigned).
        assertEquals(new LegacyKeyRange(1, -1, 1, false), ours("sdiffstore.json").legacyKeyRange());
    }

    @Test
    void otherSpecsMakeTheKeysMovable() {
        assertEquals(new LegacyKeyRange(1, 1, 1, true), ours("zunionstore.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, 1, 1, true), ours("zdiffstore.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(0, 0, 0, true), ours("lmpop.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(0, 0, 0, true), ours("sintercard.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(0, 0, 0, true), redisOnly("eval.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(0, 0, 0, true), redisOnly("xread.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, 1, 1, true), redisOnly("sort.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(1, 1, 1, true), redisOnly("georadius.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(3, 3, 1, true), redisOnly("migrate.json").legacyKeyRange());
    }

    @Test
    void noSpecsNoKeys() {
        assertEquals(new LegacyKeyRange(0, 0, 0, false), ours("ping.json").legacyKeyRange());
        assertEquals(new LegacyKeyRange(0, 0, 0, false), ours("config.json").legacyKeyRange());
    }

    @Test
    void specsThatDoNotFollowOnOrStepByOneAreLeftOut() {
        // Not from Redis's table, where every command merges cleanly: the rules of populateCommandLegacyRangeSpec.
        KeySpec first = range(1, 0, 1, Set.of("RW"));
        KeySpec gap = range(3, 0, 1, Set.of("RW"));
        KeySpec stepTwo = range(2, -1, 2, Set.of("RW"));
        KeySpec incomplete = range(2, 0, 1, Set.of("RW", "INCOMPLETE"));
        assertEquals(new LegacyKeyRange(1, 1, 1, true), LegacyKeyRange.of(List.of(first, gap)));
        assertEquals(new LegacyKeyRange(1, 1, 1, true), LegacyKeyRange.of(List.of(first, stepTwo)));
        assertEquals(new LegacyKeyRange(1, 2, 1, true), LegacyKeyRange.of(List.of(first, incomplete)));
        assertEquals(new LegacyKeyRange(1, 1, 1, true), LegacyKeyRange.of(List.of(range(1, 0, 1,
                Set.of("RW", "INCOMPLETE")))));
        assertEquals(new LegacyKeyRange(0, 0, 0, true), LegacyKeyRange.of(List.of(new KeySpec(null, Set.of(),
                new BeginSearch.Unknown(), new FindKeys.Unknown()))));
    }

    private static KeySpec range(int pos, int lastKey, int step, Set<String> flags) {
        return new KeySpec(null, flags, new BeginSearch.Index(pos), new FindKeys.Range(lastKey, step, 0));
    }
}
