package io.portbind.kv.zsets;

import static io.portbind.kv.table.CommandFlag.BLOCKING;
import static io.portbind.kv.table.CommandFlag.DENYOOM;
import static io.portbind.kv.table.CommandFlag.FAST;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.READONLY;
import static io.portbind.kv.table.CommandFlag.WRITE;
import static io.portbind.kv.table.CommandGroup.SORTED_SET;
import static io.portbind.kv.table.CommandSpec.command;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.table.Command;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandFlag;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.CommandSpec;
import io.portbind.kv.zsets.ZRanges.Form;
import io.portbind.kv.zsets.ZSetAlgebra.Operation;

/** The sorted sets family: every command declared here, bodies in the classes named by each line. */
public final class SortedSetCommands implements CommandFamily {

    private final ZBlocking blocking;

    public SortedSetCommands(BlockedClients blockedClients) {
        this.blocking = new ZBlocking(blockedClients);
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.add(zset("zadd", ZAdd::zadd, -4, "1.2.0", "Adds one or more members to a sorted set, or updates "
                        + "their scores. Creates the key if it doesn't exist.", WRITE, DENYOOM, FAST))
                .add(zset("zincrby", ZAdd::zincrby, 4, "1.2.0",
                        "Increments the score of a member in a sorted set.", WRITE, DENYOOM, FAST))
                .add(zset("zrem", ZMembers::remove, -3, "1.2.0", "Removes one or more members from a sorted set. "
                        + "Deletes the sorted set if all members were removed.", WRITE, FAST))
                .add(zset("zscore", ZMembers::score, 3, "1.2.0",
                        "Returns the score of a member in a sorted set.", READONLY, FAST))
                .add(zset("zmscore", ZMembers::scores, -3, "6.2.0",
                        "Returns the score of one or more members in a sorted set.", READONLY, FAST))
                .add(zset("zcard", ZMembers::cardinality, 2, "1.2.0",
                        "Returns the number of members in a sorted set.", READONLY, FAST))
                .add(zset("zcount", ZMembers::countByScore, 4, "2.0.0",
                        "Returns the count of members in a sorted set that have scores within a range.",
                        READONLY, FAST))
                .add(zset("zlexcount", ZMembers::countByLex, 4, "2.8.9",
                        "Returns the number of members in a sorted set within a lexicographical range.",
                        READONLY, FAST))
                .add(zset("zrank", ZMembers::rank, 3, "2.0.0",
                        "Returns the index of a member in a sorted set ordered by ascending scores.", READONLY, FAST))
                .add(zset("zrevrank", ZMembers::reverseRank, 3, "2.0.0",
                        "Returns the index of a member in a sorted set ordered by descending scores.",
                        READONLY, FAST))
                .add(zset("zrange", call -> ZRanges.range(call, Form.ZRANGE), -4, "1.2.0",
                        "Returns members in a sorted set within a range of indexes.", READONLY))
                .add(command("zrangestore", call -> ZRanges.range(call, Form.ZRANGESTORE)).arity(-5)
                        .flags(WRITE, DENYOOM).keys(1, 2, 1).group(SORTED_SET).since("6.2.0")
                        .summary("Stores a range of members from sorted set in a key."))
                .add(zset("zrangebyscore", call -> ZRanges.range(call, Form.ZRANGEBYSCORE), -4, "1.0.5",
                        "Returns members in a sorted set within a range of scores.", READONLY))
                .add(zset("zrevrangebyscore", call -> ZRanges.range(call, Form.ZREVRANGEBYSCORE), -4, "2.2.0",
                        "Returns members in a sorted set within a range of scores in reverse order.", READONLY))
                .add(zset("zrangebylex", call -> ZRanges.range(call, Form.ZRANGEBYLEX), -4, "2.8.9",
                        "Returns members in a sorted set within a lexicographical range.", READONLY))
                .add(zset("zrevrangebylex", call -> ZRanges.range(call, Form.ZREVRANGEBYLEX), -4, "2.8.9",
                        "Returns members in a sorted set within a lexicographical range in reverse order.",
                        READONLY))
                .add(zset("zrevrange", call -> ZRanges.range(call, Form.ZREVRANGE), -4, "1.2.0",
                        "Returns members in a sorted set within a range of indexes in reverse order.", READONLY))
                .add(zset("zpopmin", ZPops::popMin, -2, "5.0.0", "Returns the lowest-scoring members from a sorted "
                        + "set after removing them. Deletes the sorted set if the last member was popped.",
                        WRITE, FAST))
                .add(zset("zpopmax", ZPops::popMax, -2, "5.0.0", "Returns the highest-scoring members from a "
                        + "sorted set after removing them. Deletes the sorted set if the last member was popped.",
                        WRITE, FAST))
                .add(zset("bzpopmin", call -> blocking.bzpop(call, ScoreEnd.MIN), -3, "5.0.0", "Removes and returns "
                        + "the member with the lowest score from one or more sorted sets. Blocks until a member is "
                        + "available otherwise. Deletes the sorted set if the last element was popped.",
                        WRITE, NOSCRIPT, FAST, BLOCKING).keys(1, -2, 1))
                .add(zset("bzpopmax", call -> blocking.bzpop(call, ScoreEnd.MAX), -3, "5.0.0", "Removes and returns "
                        + "the member with the highest score from one or more sorted sets. Blocks until a member is "
                        + "available otherwise. Deletes the sorted set if the last element was popped.",
                        WRITE, NOSCRIPT, FAST, BLOCKING).keys(1, -2, 1))
                .add(zset("zremrangebyrank", ZPops::removeByRank, 4, "2.0.0", "Removes members in a sorted set "
                        + "within a range of indexes. Deletes the sorted set if all members were removed.", WRITE))
                .add(zset("zremrangebyscore", ZPops::removeByScore, 4, "1.2.0", "Removes members in a sorted set "
                        + "within a range of scores. Deletes the sorted set if all members were removed.", WRITE))
                .add(zset("zremrangebylex", ZPops::removeByLex, 4, "2.8.9", "Removes members in a sorted set "
                        + "within a lexicographical range. Deletes the sorted set if all members were removed.",
                        WRITE))
                .add(algebra("zunionstore", Operation.UNION, "2.0.0",
                        "Stores the union of multiple sorted sets in a key."))
                .add(algebra("zinterstore", Operation.INTER, "2.0.0",
                        "Stores the intersect of multiple sorted sets in a key."))
                .add(algebra("zdiffstore", Operation.DIFF, "6.2.0",
                        "Stores the difference of multiple sorted sets in a key."))
                .add(algebra("zunion", Operation.UNION, "6.2.0", "Returns the union of multiple sorted sets."))
                .add(algebra("zinter", Operation.INTER, "6.2.0", "Returns the intersect of multiple sorted sets."))
                .add(algebra("zdiff", Operation.DIFF, "6.2.0", "Returns the difference between multiple sorted sets."))
                .add(zset("zrandmember", ZRandom::randomMembers, -2, "6.2.0",
                        "Returns one or more random members from a sorted set.", READONLY))
                .add(zset("zscan", ZMembers::scan, -3, "2.8.0",
                        "Iterates over members and scores of a sorted set.", READONLY));
    }

    /** A sorted-set command on the one key at argument 1. */
    private static CommandSpec.Builder zset(String name, Command body, int arity, String since, String summary,
                                            CommandFlag... flags) {
        return command(name, body).arity(arity).flags(flags).keys(1, 1, 1).group(SORTED_SET).since(since)
                .summary(summary);
    }

    /** ZUNION and kin: numkeys at 1, or at 2 after the destination for the STORE forms. */
    private static CommandSpec.Builder algebra(String name, Operation operation, String since, String summary) {
        int numKeysAt = name.endsWith("store") ? 2 : 1;
        return command(name, call -> ZSetAlgebra.execute(call, operation, numKeysAt))
                .arity(numKeysAt == 2 ? -4 : -3)
                .flags(numKeysAt == 2 ? new CommandFlag[] {WRITE, DENYOOM} : new CommandFlag[] {READONLY})
                .keys(args -> ZSetAlgebra.keyPositions(args, numKeysAt)).group(SORTED_SET).since(since)
                .summary(summary);
    }
}
