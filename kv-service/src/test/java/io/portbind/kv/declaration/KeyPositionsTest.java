package io.portbind.kv.declaration;

import static io.portbind.kv.declaration.Declarations.argv;
import static io.portbind.kv.declaration.Declarations.ours;
import static io.portbind.kv.declaration.Declarations.redisOnly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Key positions from key specs. The expected positions are those of redis-server 7.0.15's COMMAND GETKEYS for
 * the same arguments (written here as literals), except where a comment says why Redis's command-specific key
 * function answers otherwise.
 */
class KeyPositionsTest {

    private static final int[] NONE = {};

    @Test
    void indexAndRangeOfOneKey() {
        // GETKEYS set k v -> k; set k v GET -> k
        assertArrayEquals(new int[] {1}, ours("set.json").keyPositions(argv("set", "k", "v")));
        assertArrayEquals(new int[] {1}, ours("set.json").keyPositions(argv("set", "k", "v", "GET")));
        assertArrayEquals(new int[] {2}, ours("object-encoding.json").keyPositions(argv("object", "encoding", "k")));
    }

    @Test
    void rangeToTheEndWithAStep() {
        // GETKEYS mset a 1 b 2 c 3 -> a b c
        assertArrayEquals(new int[] {1, 3, 5}, ours("mset.json").keyPositions(argv("mset", "a", "1", "b", "2", "c",
                "3")));
        // GETKEYS del a b c -> a b c; watch a b -> a b
        assertArrayEquals(new int[] {1, 2, 3}, ours("del.json").keyPositions(argv("del", "a", "b", "c")));
        assertArrayEquals(new int[] {1, 2}, ours("watch.json").keyPositions(argv("watch", "a", "b")));
    }

    @Test
    void rangeEndingBeforeTheTimeout() {
        // GETKEYS blpop a b 0 -> a b
        assertArrayEquals(new int[] {1, 2}, ours("blpop.json").keyPositions(argv("blpop", "a", "b", "0")));
    }

    @Test
    void twoSpecsOneKeyEach() {
        // GETKEYS lmove s d LEFT RIGHT -> s d
        assertArrayEquals(new int[] {1, 2}, ours("lmove.json").keyPositions(argv("lmove", "s", "d", "LEFT",
                "RIGHT")));
    }

    @Test
    void destinationThenCountedKeys() {
        // GETKEYS zunionstore d 2 a b WEIGHTS 1 2 -> d a b; zdiffstore d 2 a b -> d a b
        assertArrayEquals(new int[] {1, 3, 4}, ours("zunionstore.json").keyPositions(argv("zunionstore", "d", "2",
                "a", "b", "WEIGHTS", "1", "2")));
        assertArrayEquals(new int[] {1, 3, 4}, ours("zdiffstore.json").keyPositions(argv("zdiffstore", "d", "2",
                "a", "b")));
    }

    @Test
    void aBadOrOutOfRangeCountMeansNoKeysAtAll() {
        // GETKEYS zunionstore d x a, d 0 a and d 3 a b -> ERR Invalid arguments specified for command
        CommandDeclaration zunionstore = ours("zunionstore.json");
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "x", "a")));
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "0", "a")));
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "3", "a", "b")));
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "-1", "a")));
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "01", "a")));
        assertArrayEquals(NONE, zunionstore.keyPositions(argv("zunionstore", "d", "99999999999999999999", "a")));
        // GETKEYS lmpop 5 a LEFT -> ERR Invalid arguments specified for command
        assertArrayEquals(NONE, ours("lmpop.json").keyPositions(argv("lmpop", "5", "a", "LEFT")));
        // No count argument at all.
        assertArrayEquals(NONE, ours("lmpop.json").keyPositions(argv("lmpop")));
    }

    @Test
    void countedKeys() {
        // GETKEYS lmpop 2 a b LEFT -> a b; blmpop 0 2 a b LEFT -> a b; sintercard 2 a b LIMIT 1 -> a b
        assertArrayEquals(new int[] {2, 3}, ours("lmpop.json").keyPositions(argv("lmpop", "2", "a", "b", "LEFT")));
        assertArrayEquals(new int[] {3, 4}, ours("blmpop.json").keyPositions(argv("blmpop", "0", "2", "a", "b",
                "LEFT")));
        assertArrayEquals(new int[] {2, 3}, ours("sintercard.json").keyPositions(argv("sintercard", "2", "a", "b",
                "LIMIT", "1")));
        // GETKEYS zinter 2 a b -> a b
        assertArrayEquals(new int[] {2, 3}, ours("zinter.json").keyPositions(argv("zinter", "2", "a", "b")));
    }

    @Test
    void countedKeysAfterTheScript() {
        // GETKEYS eval s 2 a b c -> a b; eval s 0 -> (empty)
        CommandDeclaration eval = redisOnly("eval.json");
        assertArrayEquals(new int[] {3, 4}, eval.keyPositions(argv("eval", "s", "2", "a", "b", "c")));
        assertArrayEquals(NONE, eval.keyPositions(argv("eval", "s", "0")));
    }

    @Test
    void keywordSearchForwardsWithALimit() {
        // GETKEYS xread COUNT 2 STREAMS s1 s2 0 0 -> s1 s2
        CommandDeclaration xread = redisOnly("xread.json");
        assertArrayEquals(new int[] {4, 5}, xread.keyPositions(argv("xread", "COUNT", "2", "STREAMS", "s1", "s2",
                "0", "0")));
        // GETKEYS xread streams a b c streams 1 2 3 -> a b c: the first keyword wins, in any case.
        assertArrayEquals(new int[] {2, 3, 4}, xread.keyPositions(argv("xread", "streams", "a", "b", "c",
                "streams", "1", "2", "3")));
        // No STREAMS keyword: that spec contributes nothing.
        assertArrayEquals(NONE, xread.keyPositions(argv("xread", "COUNT", "2")));
    }

    @Test
    void optionalKeywordSpecs() {
        // GETKEYS georadius k 0 0 1 km STORE s STOREDIST t -> k s t
        CommandDeclaration georadius = redisOnly("georadius.json");
        assertArrayEquals(new int[] {1, 7, 9}, georadius.keyPositions(argv("georadius", "k", "0", "0", "1", "km",
                "STORE", "s", "STOREDIST", "t")));
        assertArrayEquals(new int[] {1}, georadius.keyPositions(argv("georadius", "k", "0", "0", "1", "km")));
    }

    @Test
    void keywordSearchBackwardsFromTheEnd() {
        CommandDeclaration migrate = redisOnly("migrate.json");
        // GETKEYS migrate h p k 0 5 -> k
        assertArrayEquals(new int[] {3}, migrate.keyPositions(argv("migrate", "h", "p", "k", "0", "5")));
        // GETKEYS migrate h p "" 0 5 KEYS a b -> a b: Redis's own migrateGetKeys drops the empty key at 3, which
        // the specs cannot say (hence the INCOMPLETE flag on the second spec); the KEYS search finds 7 and 8.
        assertArrayEquals(new int[] {3, 7, 8}, migrate.keyPositions(argv("migrate", "h", "p", "", "0", "5", "KEYS",
                "a", "b")));
    }

    @Test
    void unknownSpecsContributeNothing() {
        // GETKEYS sort l -> l. With STORE d Redis's sortGetKeys also finds d (position 5), which the spec of
        // unknown kind cannot.
        CommandDeclaration sort = redisOnly("sort.json");
        assertArrayEquals(new int[] {1}, sort.keyPositions(argv("sort", "l")));
        assertArrayEquals(new int[] {1}, sort.keyPositions(argv("sort", "l", "BY", "w", "STORE", "d")));
    }

    @Test
    void commandsWithoutKeySpecsHaveNoKeys() {
        assertArrayEquals(NONE, ours("ping.json").keyPositions(argv("ping")));
        assertArrayEquals(NONE, ours("publish.json").keyPositions(argv("publish", "c", "m")));
    }
}
