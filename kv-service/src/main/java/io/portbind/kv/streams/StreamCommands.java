package io.portbind.kv.streams;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The streams family, consumer groups and blocking reads included: binds each command to its body. */
public final class StreamCommands implements CommandFamily {

    private final StreamReading reading;

    public StreamCommands(BlockedClients blockedClients) {
        this.reading = new StreamReading(blockedClients);
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("xadd", StreamWrites::xadd)
                .bind("xdel", StreamWrites::xdel)
                .bind("xtrim", StreamWrites::xtrim)
                .bind("xsetid", StreamWrites::xsetid)
                .bind("xlen", StreamReads::xlen)
                .bind("xrange", call -> StreamReads.range(call, false))
                .bind("xrevrange", call -> StreamReads.range(call, true))
                .bind("xread", call -> reading.xread(call, false))
                .bind("xreadgroup", call -> reading.xread(call, true))
                .bind("xgroup|create", GroupCommands::create)
                .bind("xgroup|setid", GroupCommands::setId)
                .bind("xgroup|destroy", GroupCommands::destroy)
                .bind("xgroup|createconsumer", GroupCommands::createConsumer)
                .bind("xgroup|delconsumer", GroupCommands::deleteConsumer)
                .bind("xgroup|help", GroupCommands::help)
                .bind("xack", PendingCommands::xack)
                .bind("xpending", PendingCommands::xpending)
                .bind("xclaim", ClaimCommands::xclaim)
                .bind("xautoclaim", ClaimCommands::xautoclaim)
                .bind("xinfo|stream", StreamInfo::streamInfo)
                .bind("xinfo|groups", StreamInfo::groups)
                .bind("xinfo|consumers", StreamInfo::consumers)
                .bind("xinfo|help", StreamInfo::help);
    }
}
