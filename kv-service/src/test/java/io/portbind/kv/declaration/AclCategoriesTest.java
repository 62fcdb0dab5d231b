package io.portbind.kv.declaration;

import static io.portbind.kv.declaration.Declarations.ours;
import static io.portbind.kv.declaration.Declarations.redisOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Full ACL category lists; the expected values are redis-server 7.0.15's COMMAND INFO element 7, as literals. */
class AclCategoriesTest {

    @Test
    void explicitPlusImpliedInRedisOrder() {
        // set: @write @string @slow
        assertEquals(List.of("WRITE", "STRING", "SLOW"), ours("set.json").allAclCategories());
        // get: @read @string @fast
        assertEquals(List.of("READ", "STRING", "FAST"), ours("get.json").allAclCategories());
        // blpop: @write @list @slow @blocking
        assertEquals(List.of("WRITE", "LIST", "SLOW", "BLOCKING"), ours("blpop.json").allAclCategories());
        // config|get: @admin @slow @dangerous
        assertEquals(List.of("ADMIN", "SLOW", "DANGEROUS"), ours("config-get.json").allAclCategories());
        // keys: @keyspace @read @slow @dangerous
        assertEquals(List.of("KEYSPACE", "READ", "SLOW", "DANGEROUS"), ours("keys.json").allAclCategories());
        // publish: @pubsub @fast
        assertEquals(List.of("PUBSUB", "FAST"), ours("publish.json").allAclCategories());
        // subscribe: @pubsub @slow
        assertEquals(List.of("PUBSUB", "SLOW"), ours("subscribe.json").allAclCategories());
        // multi: @fast @transaction
        assertEquals(List.of("FAST", "TRANSACTION"), ours("multi.json").allAclCategories());
        // config (a container): @slow
        assertEquals(List.of("SLOW"), ours("config.json").allAclCategories());
    }

    @Test
    void readOnlyScriptsAreNotInRead() {
        // eval_ro: @slow @scripting (READONLY, but @scripting)
        assertEquals(List.of("SLOW", "SCRIPTING"), redisOnly("eval_ro.json").allAclCategories());
        // sort: @write @set @sortedset @list @slow @dangerous
        assertEquals(List.of("WRITE", "SET", "SORTEDSET", "LIST", "SLOW", "DANGEROUS"),
                redisOnly("sort.json").allAclCategories());
    }
}
