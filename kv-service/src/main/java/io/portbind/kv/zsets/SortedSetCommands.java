package io.portbind.kv.zsets;

import io.portbind.kv.blocking.BlockedClients;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.zsets.ZRanges.Form;
import io.portbind.kv.zsets.ZSetAlgebra.Operation;

/** The sorted sets family: binds each command to its body in the classes named. */
public final class SortedSetCommands implements CommandFamily {

    private final ZBlocking blocking;

    public SortedSetCommands(BlockedClients blockedClients) {
        this.blocking = new ZBlocking(blockedClients);
    }

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("zadd", ZAdd::zadd)
                .bind("zincrby", ZAdd::zincrby)
                .bind("zrem", ZMembers::remove)
                .bind("zscore", ZMembers::score)
                .bind("zmscore", ZMembers::scores)
                .bind("zcard", ZMembers::cardinality)
                .bind("zcount", ZMembers::countByScore)
                .bind("zlexcount", ZMembers::countByLex)
                .bind("zrank", ZMembers::rank)
                .bind("zrevrank", ZMembers::reverseRank)
                .bind("zrange", call -> ZRanges.range(call, Form.ZRANGE))
                .bind("zrangestore", call -> ZRanges.range(call, Form.ZRANGESTORE))
                .bind("zrangebyscore", call -> ZRanges.range(call, Form.ZRANGEBYSCORE))
                .bind("zrevrangebyscore", call -> ZRanges.range(call, Form.ZREVRANGEBYSCORE))
                .bind("zrangebylex", call -> ZRanges.range(call, Form.ZRANGEBYLEX))
                .bind("zrevrangebylex", call -> ZRanges.range(call, Form.ZREVRANGEBYLEX))
                .bind("zrevrange", call -> ZRanges.range(call, Form.ZREVRANGE))
                .bind("zpopmin", ZPops::popMin)
                .bind("zpopmax", ZPops::popMax)
                .bind("bzpopmin", call -> blocking.bzpop(call, ScoreEnd.MIN))
                .bind("bzpopmax", call -> blocking.bzpop(call, ScoreEnd.MAX))
                .bind("zmpop", ZPops::multiPop)
                .bind("bzmpop", blocking::bzmpop)
                .bind("zremrangebyrank", ZPops::removeByRank)
                .bind("zremrangebyscore", ZPops::removeByScore)
                .bind("zremrangebylex", ZPops::removeByLex)
                .bind("zunionstore", call -> ZSetAlgebra.execute(call, Operation.UNION, 2))
                .bind("zinterstore", call -> ZSetAlgebra.execute(call, Operation.INTER, 2))
                .bind("zdiffstore", call -> ZSetAlgebra.execute(call, Operation.DIFF, 2))
                .bind("zunion", call -> ZSetAlgebra.execute(call, Operation.UNION, 1))
                .bind("zinter", call -> ZSetAlgebra.execute(call, Operation.INTER, 1))
                .bind("zdiff", call -> ZSetAlgebra.execute(call, Operation.DIFF, 1))
                .bind("zintercard", ZSetAlgebra::interCard)
                .bind("zrandmember", ZRandom::randomMembers)
                .bind("zscan", ZMembers::scan);
    }
}
