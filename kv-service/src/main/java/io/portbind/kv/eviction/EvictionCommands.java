package io.portbind.kv.eviction;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.ServerState;

/**
 * maxmemory and its policies: installs the {@link Evictor} as the server's memory limit, the LRU or LFU rule for
 * key stamps, the settings as CONFIG parameters, and the two OBJECT subcommands that read the stamps (FREQ and
 * IDLETIME).
 */
public final class EvictionCommands implements CommandFamily {

    private static final CommandError NO_LFU = new CommandError("ERR An LFU maxmemory policy is not selected, "
            + "access frequency not tracked. Please note that when switching between policies at runtime LRU and "
            + "LFU data will take some time to adjust.");
    private static final CommandError LFU_SELECTED = new CommandError("ERR An LFU maxmemory policy is selected, "
            + "idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data "
            + "will take some time to adjust.");

    private final EvictionSettings settings;

    /** @param settings the limit and policy the server starts with (from {@code --maxmemory} and friends) */
    public EvictionCommands(EvictionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void register(CommandRegistry registry) {
        ServerState server = registry.server();
        Keyspace keyspace = server.keyspace();
        Evictor evictor = new Evictor(keyspace, settings, HeapGuard.INSTANCE);
        LfuCounter lfu = new LfuCounter(settings);
        Runnable applyPolicy = () -> keyspace.keyAccess(settings.policy().usesLfu() ? lfu : LruClock.INSTANCE);
        applyPolicy.run();
        server.memoryLimit(evictor);
        EvictionParameters.of(settings, evictor::evict, applyPolicy).forEach(server.configEntries()::add);
        registry.bind("object|freq", this::freq)
                .bind("object|idletime", this::idleTime);
    }

    /** OBJECT FREQ key: the key's LFU counter after decay; only under an LFU policy. */
    private void freq(Call call) {
        int stamp = stamp(call);
        if (stamp < 0) {
            call.reply().nullBulk();
            return;
        }
        if (!settings.policy().usesLfu()) {
            throw NO_LFU;
        }
        call.reply().integer(LfuCounter.decayed(stamp, call.keyspace().now(), settings.lfuDecayTime()));
    }

    /** OBJECT IDLETIME key: seconds since the key was last read or written; not under an LFU policy. */
    private void idleTime(Call call) {
        int stamp = stamp(call);
        if (stamp < 0) {
            call.reply().nullBulk();
            return;
        }
        if (settings.policy().usesLfu()) {
            throw LFU_SELECTED;
        }
        call.reply().integer(LruClock.idleMillis(stamp, call.keyspace().now()) / 1000);
    }

    /** The stamp of the key in argument 2, or -1 when it does not exist; reading it is no access. */
    private static int stamp(Call call) {
        Database db = call.db();
        return db.accessStamp(call.arg(2));
    }
}
