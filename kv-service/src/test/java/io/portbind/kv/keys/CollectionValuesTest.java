package io.portbind.kv.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.SnapshotGenerations;
import io.portbind.kv.keyspace.StoredValue;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import io.portbind.kv.testing.TestCommand;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COPY, RENAME, MOVE and OBJECT ENCODING on a collection, through the {@link StoredValue} contract
 * every collection type implements: a toy list stands in for the real types of the other families.
 */
class CollectionValuesTest {

    /** A list that reports {@code listpack} up to two elements and {@code quicklist} beyond. */
    private static final class ToyList implements StoredValue {

        private final List<String> items;
        private final long generation = SnapshotGenerations.current();

        ToyList(List<String> items) {
            this.items = items;
        }

        @Override
        public ValueType type() {
            return ValueType.LIST;
        }

        @Override
        public boolean isEmpty() {
            return items.isEmpty();
        }

        @Override
        public StoredValue copy() {
            return new ToyList(new ArrayList<>(items));
        }

        @Override
        public long generation() {
            return generation;
        }

        @Override
        public String encoding() {
            return items.size() <= 2 ? "listpack" : "quicklist";
        }
    }

    private final ServerState server = new ServerState(new Keyspace(), null);
    private final Dispatcher dispatcher;
    private final Call call = new Call(new Session(1, new EmbeddedChannel(), true, () -> { }), server);

    CollectionValuesTest() {
        CommandRegistry registry = new CommandRegistry(server);
        registry.bind(TestCommand.declaration("tpush", 3, true, "WRITE"), call -> {
            Database db = call.db();
            ToyList list = db.get(call.arg(1), ValueType.LIST);
            if (list == null) {
                list = new ToyList(new ArrayList<>());
                db.put(call.arg(1), list);
            }
            list.items.add(call.text(2));
            db.modified(call.arg(1));
            call.reply().integer(list.items.size());
        });
        registry.bind(TestCommand.declaration("tlen", 2, true, "READONLY"), call -> {
            ToyList list = call.db().get(call.arg(1), ValueType.LIST);
            call.reply().integer(list == null ? 0 : list.items.size());
        });
        dispatcher = registry.build(List.of(new KeyCommands(), new ObjectCommands(), new ExpiryCommands()));
    }

    @Test
    void copyOfACollectionIsIndependent() {
        run("TPUSH", "src", "a");
        assertEquals(":1\r\n", run("COPY", "src", "dst"));
        assertEquals(":2\r\n", run("TPUSH", "dst", "b"));
        assertEquals(":1\r\n", run("TLEN", "src"));
        assertEquals(":2\r\n", run("TLEN", "dst"));
    }

    @Test
    void objectEncodingFollowsTheCollectionsSize() {
        run("TPUSH", "l", "a");
        assertEquals("$8\r\nlistpack\r\n", run("OBJECT", "ENCODING", "l"));
        run("TPUSH", "l", "b");
        run("TPUSH", "l", "c");
        assertEquals("$9\r\nquicklist\r\n", run("OBJECT", "ENCODING", "l"));
        assertEquals(":1\r\n", run("OBJECT", "REFCOUNT", "l"));
    }

    @Test
    void renameAndMoveKeepTheCollectionAndItsTtl() {
        run("TPUSH", "l", "a");
        run("EXPIRE", "l", "100");
        assertEquals("+OK\r\n", run("RENAME", "l", "m"));
        assertEquals(":1\r\n", run("MOVE", "m", "5"));
        assertEquals(":0\r\n", run("TLEN", "m"));
        call.session().db(5);
        assertEquals(":1\r\n", run("TLEN", "m"));
        assertEquals(":100\r\n", run("TTL", "m"));
    }

    /** Dispatches one request and returns the reply's bytes as text. */
    private String run(String... args) {
        byte[][] request = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            request[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        ByteBuf out = Unpooled.buffer();
        call.session().reply().target(out);
        dispatcher.dispatch(call, request);
        return out.toString(StandardCharsets.UTF_8);
    }
}
