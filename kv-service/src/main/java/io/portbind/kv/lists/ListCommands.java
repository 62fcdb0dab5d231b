package io.portbind.kv.lists;

import static io.portbind.kv.table.CommandFlag.BLOCKING;
import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.LIST;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;

/** The lists family, blocking pops included: every command declared here, bodies in the classes named. */
public final class ListCommands implements CommandFamily {

    private final ListBlocking blocking;

    public ListCommands(BlockedClients blockedClients) {
        this.blocking = new ListBlocking(blockedClients);
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.add(list("lpush", call -> ListPushPop.push(call, End.HEAD, PushCondition.ALWAYS), -3, "1.0.0",
                        "Prepend one or multiple elements to a list", WRITE, DENYOOM, FAST))
                .add(list("rpush", call -> ListPushPop.push(call, End.TAIL, PushCondition.ALWAYS), -3, "1.0.0",
                        "Append one or multiple elements to a list", WRITE, DENYOOM, FAST))
                .add(list("lpushx", call -> ListPushPop.push(call, End.HEAD, PushCondition.ONLY_IF_EXISTS), -3, "2.2.0",
                        "Prepend an element to a list, only if the list exists", WRITE, DENYOOM, FAST))
                .add(list("rpushx", call -> ListPushPop.push(call, End.TAIL, PushCondition.ONLY_IF_EXISTS), -3, "2.2.0",
                        "Append an element to a list, only if the list exists", WRITE, DENYOOM, FAST))
                .add(list("lpop", call -> ListPushPop.pop(call, End.HEAD), -2, "1.0.0",
                        "Remove and get the first elements in a list", WRITE, FAST))
                .add(list("rpop", call -> ListPushPop.pop(call, End.TAIL), -2, "1.0.0",
                        "Remove and get the last elements in a list", WRITE, FAST))
                .add(list("llen", ListPushPop::llen, 2, "1.0.0", "Get the length of a list", READONLY, FAST))
                .add(list("lrange", ListReads::lrange, 4, "1.0.0", "Get a range of elements from a list", READONLY))
                .add(list("lindex", ListReads::lindex, 3, "1.0.0", "Get an element from a list by its index",
                        READONLY))
                .add(list("lpos", ListReads::lpos, -3, "6.0.6", "Return the index of matching elements on a list",
                        READONLY))
                .add(list("lset", ListEdits::lset, 4, "1.0.0", "Set the value of an element in a list by its index",
                        WRITE, DENYOOM))
                .add(list("lrem", ListEdits::lrem, 4, "1.0.0", "Remove elements from a list", WRITE))
                .add(list("ltrim", ListEdits::ltrim, 4, "1.0.0", "Trim a list to the specified range", WRITE))
                .add(list("linsert", ListEdits::linsert, 5, "2.2.0",
                        "Insert an element before or after another element in a list", WRITE, DENYOOM))
                .add(list("lmove", ListMoves::lmove, 5, "6.2.0",
                        "Pop an element from a list, push it to another list and return it", WRITE, DENYOOM)
                        .keys(1, 2, 1))
                .add(list("rpoplpush", ListMoves::rpoplpush, 3, "1.2.0",
                        "Remove the last element in a list, prepend it to another list and return it", WRITE,
                        DENYOOM).keys(1, 2, 1))
                .add(list("lmpop", ListMoves::lmpop, -4, "7.0.0", "Pop elements from a list", WRITE)
                        .keys(0, 0, 0).keys(args -> ListMoves.numkeysPositions(args, 1)))
                .add(list("blpop", call -> blocking.bpop(call, End.HEAD), -3, "2.0.0",
                        "Remove and get the first element in a list, or block until one is available",
                        WRITE, NOSCRIPT, BLOCKING).keys(1, -2, 1))
                .add(list("brpop", call -> blocking.bpop(call, End.TAIL), -3, "2.0.0",
                        "Remove and get the last element in a list, or block until one is available",
                        WRITE, NOSCRIPT, BLOCKING).keys(1, -2, 1))
                .add(list("blmove", blocking::blmove, 6, "6.2.0", "Pop an element from a list, push it to another "
                        + "list and return it; or block until one is available", WRITE, DENYOOM, NOSCRIPT, BLOCKING)
                        .keys(1, 2, 1))
                .add(list("brpoplpush", blocking::brpoplpush, 4, "2.2.0", "Pop an element from a list, push it to "
                        + "another list and return it; or block until one is available", WRITE, DENYOOM, NOSCRIPT,
                        BLOCKING).keys(1, 2, 1))
                .add(list("blmpop", blocking::blmpop, -5, "7.0.0",
                        "Pop elements from a list, or block until one is available", WRITE, BLOCKING)
                        .keys(0, 0, 0).keys(args -> ListMoves.numkeysPositions(args, 2)));
    }

    /** A list command, by default on the one key at argument 1. */
    private static CommandSpec.Builder list(String name, Command body, int arity, String since, String summary,
                                            CommandFlag... flags) {
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(LIST).since(since).summary(summary);
    }
}
