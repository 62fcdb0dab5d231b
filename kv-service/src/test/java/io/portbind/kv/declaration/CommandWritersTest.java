package io.portbind.kv.declaration;

import static io.portbind.kv.declaration.Declarations.ours;
import static io.portbind.kv.declaration.Declarations.redisOnly;
import static io.portbind.kv.declaration.Declarations.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.portbind.kv.resp.Reply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * COMMAND INFO and COMMAND DOCS as the writers render them, byte for byte against raw replies captured from
 * redis-server 7.0.15 (test resources {@code redis-7.0.15/<file>.<docs|info>.<resp3|resp2>}, each the whole
 * reply to {@code COMMAND DOCS <name>} or {@code COMMAND INFO <name>}, after {@code HELLO 3} for RESP3).
 */
class CommandWritersTest {

    /** The order redis-server listed CONFIG's and OBJECT's subcommands in when the replies were captured. */
    private static final List<String> CONFIG_ORDER = List.of("rewrite", "get", "help", "set", "resetstat");
    private static final List<String> OBJECT_ORDER = List.of("help", "refcount", "encoding", "freq", "idletime");

    @Test
    void plainCommands() {
        for (String file : List.of("set", "zunionstore", "config-get", "getset", "zrevrangebyscore", "lmpop",
                "blpop", "mset", "hello")) {
            CommandDeclaration command = ours(file + ".json");
            assertReplies(file, command, List.of(), 3);
        }
    }

    @Test
    void keywordKeyNumAndUnknownKeySpecs() {
        for (String file : List.of("sort", "xread", "eval", "eval_ro", "migrate", "georadius")) {
            assertReplies(file, redisOnly(file + ".json"), List.of(), 3);
        }
    }

    @Test
    void containersWithTheirSubcommands() {
        assertReplies("config", ours("config.json"), subcommands("config", CONFIG_ORDER), 3);
        assertReplies("object", ours("object.json"), subcommands("object", OBJECT_ORDER), 3);
    }

    @Test
    void resp2FlattensMapsAndSets() {
        assertReplies("set", ours("set.json"), List.of(), 2);
        assertReplies("config", ours("config.json"), subcommands("config", CONFIG_ORDER), 2);
    }

    private static List<CommandDeclaration> subcommands(String container, List<String> names) {
        List<CommandDeclaration> subcommands = new ArrayList<>();
        for (String name : names) {
            subcommands.add(ours(container + "-" + name + ".json"));
        }
        return subcommands;
    }

    private static void assertReplies(String file, CommandDeclaration command, List<CommandDeclaration> subs,
            int protocol) {
        String suffix = ".resp" + protocol;
        ByteBuf docs = Unpooled.buffer();
        Reply reply = new Reply().target(docs);
        reply.protocol(protocol);
        reply.map(1);
        reply.bulk(command.fullName());
        CommandDocsWriter.write(reply, command, subs);
        assertEquals(text(resource("redis-7.0.15/" + file + ".docs" + suffix)), text(ByteBufUtil.getBytes(docs)),
                "COMMAND DOCS " + command.fullName() + " in RESP" + protocol);

        ByteBuf info = Unpooled.buffer();
        reply.target(info);
        reply.array(1);
        CommandInfoWriter.write(reply, command, subs);
        assertEquals(text(resource("redis-7.0.15/" + file + ".info" + suffix)), text(ByteBufUtil.getBytes(info)),
                "COMMAND INFO " + command.fullName() + " in RESP" + protocol);
    }

    /** Replies as text with visible line ends, so that a failure shows where the bytes part. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\\r\\n\n");
    }
}
