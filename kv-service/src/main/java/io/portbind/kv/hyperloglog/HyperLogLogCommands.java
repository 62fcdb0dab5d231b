package io.portbind.kv.hyperloglog;

import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ConfigEntry;

/**
 * The HyperLogLog family: PFADD, PFCOUNT, PFMERGE, and Redis's PFDEBUG and PFSELFTEST, on strings in Redis's own
 * HLL format; and the {@code hll-sparse-max-bytes} parameter (3000), the size above which a sparse HLL turns
 * dense.
 */
public final class HyperLogLogCommands implements CommandFamily {

    private static final long DEFAULT_SPARSE_MAX_BYTES = 3000;

    @Override
    public void register(CommandRegistry registry) {
        HyperLogLogBodies bodies = new HyperLogLogBodies(DEFAULT_SPARSE_MAX_BYTES);
        registry.server().configEntries().add(new ConfigEntry("hll-sparse-max-bytes",
                () -> Long.toString(bodies.sparseMaxBytes()),
                (call, text) -> bodies.sparseMaxBytes(ConfigEntry.sizeInBytes(text))));
        registry.bind("pfadd", bodies::add)
                .bind("pfcount", bodies::count)
                .bind("pfmerge", bodies::merge)
                .bind("pfdebug", bodies::debug)
                .bind("pfselftest", SelfTest::run);
    }
}
