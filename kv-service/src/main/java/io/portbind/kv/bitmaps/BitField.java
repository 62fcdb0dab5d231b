package io.portbind.kv.bitmaps;

import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.EventClass;
import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.resp.Reply;
import io.portbind.kv.table.Call;
import java.util.ArrayList;
import java.util.List;

/**
 * BITFIELD and BITFIELD_RO: a list of GET, SET and INCRBY operations on integer fields of a string, each under the
 * OVERFLOW mode last named before it (WRAP by default). Every operation is parsed, and refused as a whole on the
 * first error, before any runs; the reply holds one result per operation, null for one that OVERFLOW FAIL refused.
 */
final class BitField {

    private static final CommandError BAD_OVERFLOW = new CommandError("ERR Invalid OVERFLOW type specified");
    private static final CommandError READ_ONLY_WRITE =
            new CommandError("ERR BITFIELD_RO only supports the GET subcommand");

    /** Which command runs: BITFIELD_RO refuses writes. */
    enum Access { READ_WRITE, READ_ONLY }

    private enum Kind { GET, SET, INCRBY }

    private record Operation(Kind kind, FieldType type, long offset, long argument, Overflow overflow) {
    }

    private final OwnedBitmaps owned;

    BitField(OwnedBitmaps owned) {
        this.owned = owned;
    }

    void execute(Call call, Access access) {
        List<Operation> operations = parse(call);
        long lastWrittenBit = -1;
        for (Operation operation : operations) {
            if (operation.kind != Kind.GET) {
                lastWrittenBit = Math.max(lastWrittenBit, operation.offset + operation.type.bits() - 1);
            }
        }
        Database db = call.db();
        byte[] key = call.arg(1);
        if (lastWrittenBit < 0) {
            byte[] current = db.getString(key);
            reads(call.reply(), operations, current == null ? new byte[0] : current);
            return;
        }
        if (access == Access.READ_ONLY) {
            throw READ_ONLY_WRITE;
        }
        byte[] current = db.getString(key);
        boolean grown = current == null || (lastWrittenBit >>> 3) >= current.length;
        byte[] value = owned.writable(call.keyspace(), current, lastWrittenBit);
        int changes = writes(call.reply(), operations, value, grown);
        if (changes > 0 || grown) {
            db.putKeepTtl(key, value);
        }
        if (changes > 0) {
            db.notifyEvent(EventClass.STRING, "setbit", key);
        }
        if (changes == 0) {
            // Redis creates or grows the string but counts (and propagates) only fields that were written.
            call.preventPropagation();
        }
    }

    private static void reads(Reply reply, List<Operation> operations, byte[] value) {
        reply.array(operations.size());
        for (Operation operation : operations) {
            reply.integer(read(value, operation));
        }
    }

    /** Runs every operation on {@code value}; returns how many fields were written (all of them when grown). */
    private static int writes(Reply reply, List<Operation> operations, byte[] value, boolean grown) {
        reply.array(operations.size());
        int changes = 0;
        for (Operation operation : operations) {
            long old = read(value, operation);
            if (operation.kind == Kind.GET) {
                reply.integer(old);
                continue;
            }
            boolean increment = operation.kind == Kind.INCRBY;
            Long stored = increment ? operation.overflow.apply(operation.type, old, operation.argument)
                    : operation.overflow.apply(operation.type, operation.argument, 0);
            if (stored == null) {
                reply.nullBulk();
                continue;
            }
            reply.integer(increment ? stored : old);
            BitArrays.setField(value, operation.offset, operation.type.bits(), stored);
            if (grown || stored != old) {
                changes++;
            }
        }
        return changes;
    }

    private static long read(byte[] value, Operation operation) {
        return operation.type.fromRaw(BitArrays.field(value, operation.offset, operation.type.bits()));
    }

    private static List<Operation> parse(Call call) {
        List<Operation> operations = new ArrayList<>();
        Overflow overflow = Overflow.WRAP;
        int i = 2;
        while (i < call.argCount()) {
            int remaining = call.argCount() - i - 1;
            if (call.is(i, "overflow") && remaining >= 1) {
                overflow = overflowMode(call, i + 1);
                i += 2;
                continue;
            }
            Kind kind = kind(call, i, remaining);
            FieldType type = BitOffsets.fieldType(call.arg(i + 1));
            long offset = BitOffsets.fieldOffset(call.arg(i + 2), type.bits());
            long argument = kind == Kind.GET ? 0 : Numbers.parseLong(call.arg(i + 3));
            operations.add(new Operation(kind, type, offset, argument, overflow));
            i += kind == Kind.GET ? 3 : 4;
        }
        return operations;
    }

    private static Kind kind(Call call, int index, int remaining) {
        if (call.is(index, "get") && remaining >= 2) {
            return Kind.GET;
        }
        if (call.is(index, "set") && remaining >= 3) {
            return Kind.SET;
        }
        if (call.is(index, "incrby") && remaining >= 3) {
            return Kind.INCRBY;
        }
        throw CommandError.SYNTAX;
    }

    private static Overflow overflowMode(Call call, int index) {
        for (Overflow mode : Overflow.values()) {
            if (call.is(index, mode.name().toLowerCase(java.util.Locale.ROOT))) {
                return mode;
            }
        }
        throw BAD_OVERFLOW;
    }
}
