package io.portbind.kv.server;

import io.portbind.kv.admin.ServerCommands;
import io.portbind.kv.aof.AofCommands;
import io.portbind.kv.bitmaps.BitmapCommands;
import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.client.ClientCommands;
import io.portbind.kv.client.ConnectionCommands;
import io.portbind.kv.client.ResetCommand;
import io.portbind.kv.config.ConfigCommands;
import io.portbind.kv.eviction.EvictionCommands;
import io.portbind.kv.eviction.EvictionSettings;
import io.portbind.kv.geo.GeoCommands;
import io.portbind.kv.hashes.HashCommands;
import io.portbind.kv.hyperloglog.HyperLogLogCommands;
import io.portbind.kv.introspection.CommandIntrospection;
import io.portbind.kv.keys.ExpiryCommands;
import io.portbind.kv.keys.KeyCommands;
import io.portbind.kv.keys.ObjectCommands;
import io.portbind.kv.lists.ListCommands;
import io.portbind.kv.notify.NotifyCommands;
import io.portbind.kv.pubsub.PubSubCommands;
import io.portbind.kv.rdb.DumpCommands;
import io.portbind.kv.scripting.ScriptingCommands;
import io.portbind.kv.sets.SetCommands;
import io.portbind.kv.snapshot.SnapshotCommands;
import io.portbind.kv.snapshot.SnapshotTransferCommands;
import io.portbind.kv.streams.StreamCommands;
import io.portbind.kv.strings.StringCommands;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.transactions.TransactionCommands;
import io.portbind.kv.zsets.SortedSetCommands;
import java.util.List;

/** The command families the server offers: adding a family is adding one line here. */
public final class CommandFamilies {

    private CommandFamilies() {
    }

    /** Every family with the default settings (no maxmemory, no AOF), for tests of the table. */
    public static List<CommandFamily> create(BlockedClients blockedClients) {
        return create(blockedClients, new EvictionSettings(), AofCommands.withDefaults());
    }

    /**
     * A fresh instance of every family, for one server whose parked clients {@code blockedClients} keeps, which
     * starts with the memory limit {@code eviction} and the AOF configured as {@code aof} says.
     */
    public static List<CommandFamily> create(BlockedClients blockedClients, EvictionSettings eviction,
                                             AofCommands aof) {
        PubSubCommands pubSub = new PubSubCommands();
        TransactionCommands transactions = new TransactionCommands();
        return List.of(
                pubSub,
                transactions,
                new ResetCommand(pubSub, transactions),
                new ConnectionCommands(),
                new ClientCommands(),
                new ServerCommands(),
                new ConfigCommands(),
                new NotifyCommands(),
                new CommandIntrospection(),
                new KeyCommands(),
                new ObjectCommands(),
                new ExpiryCommands(),
                new DumpCommands(),
                new StringCommands(),
                new BitmapCommands(),
                new HyperLogLogCommands(),
                new ListCommands(blockedClients),
                new HashCommands(),
                new SetCommands(),
                new SortedSetCommands(blockedClients),
                new GeoCommands(),
                new StreamCommands(blockedClients),
                new SnapshotCommands(),
                new SnapshotTransferCommands(),
                new EvictionCommands(eviction),
                new ScriptingCommands(),
                aof);
    }
}
