package io.portbind.kv.bitmaps;

import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;

/** The bitmap family: strings read and written as arrays of bits, and as bit fields of small integers. */
public final class BitmapCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        OwnedBitmaps owned = new OwnedBitmaps();
        SingleBits singleBits = new SingleBits(owned);
        BitField bitField = new BitField(owned);
        registry.bind("setbit", singleBits::setBit)
                .bind("getbit", SingleBits::getBit)
                .bind("bitcount", BitScans::count)
                .bind("bitpos", BitScans::position)
                .bind("bitop", BitOperation::bitop)
                .bind("bitfield", call -> bitField.execute(call, BitField.Access.READ_WRITE))
                .bind("bitfield_ro", call -> bitField.execute(call, BitField.Access.READ_ONLY));
    }
}
