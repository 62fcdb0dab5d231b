package io.portbind.kv.client;

import static io.portbind.kv.table.Arg.integer;
import static io.portbind.kv.table.Arg.keyword;
import static io.portbind.kv.table.Arg.oneOf;
import static io.portbind.kv.table.Arg.string;
import static io.portbind.kv.table.CommandFlag.ADMIN;
import static io.portbind.kv.table.CommandFlag.LOADING;
import static io.portbind.kv.table.CommandFlag.NOSCRIPT;
import static io.portbind.kv.table.CommandFlag.STALE;
import static io.portbind.kv.table.CommandGroup.CONNECTION;
import static io.portbind.kv.table.CommandSpec.CONSTANT_TIME;
import static io.portbind.kv.table.CommandSpec.command;
import static io.portbind.kv.table.CommandSpec.container;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Arg;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Help;
import java.util.function.Consumer;

/** CLIENT ID, REPLY ({@link ClientReply}), SETNAME, GETNAME, SETINFO, NO-EVICT, NO-TOUCH, HELP; LIST, INFO and KILL
 * in {@link ClientList}. */
public final class ClientCommands implements CommandFamily {

    private static final Arg ON_OFF = oneOf("enabled", keyword("ON"), keyword("OFF"));

    @Override
    public void register(CommandRegistry registry) {
        registry.add(container("client").flags(NOSCRIPT, LOADING, STALE).group(CONNECTION).since("2.4.0")
                .complexity("Depends on subcommand.")
                .summary("A container for client connection commands.")
                .subcommand(command("id", call -> call.reply().integer(call.session().id())).arity(2)
                        .flags(NOSCRIPT, LOADING, STALE).since("5.0.0")
                        .summary("Returns the unique client ID of the connection.")
                        .complexity(CONSTANT_TIME))
                .subcommand(command("reply", ClientReply::reply).arity(3).flags(NOSCRIPT, LOADING, STALE)
                        .since("3.2.0").summary("Instructs the server whether to reply to commands."))
                .subcommand(command("setname", ClientCommands::setName).arity(3)
                        .flags(NOSCRIPT, LOADING, STALE).since("2.6.9").summary("Sets the connection name.")
                        .complexity(CONSTANT_TIME).args(string("connection-name")))
                .subcommand(command("getname", ClientCommands::getName).arity(2)
                        .flags(NOSCRIPT, LOADING, STALE).since("2.6.9").summary("Returns the name of the connection.")
                        .complexity(CONSTANT_TIME))
                .subcommand(command("setinfo", ClientCommands::setInfo).arity(4)
                        .flags(NOSCRIPT, LOADING, STALE).since("7.2.0")
                        .summary("Sets information specific to the client or connection.")
                        .complexity(CONSTANT_TIME).args(oneOf("attr", string("libname").token("LIB-NAME"),
                                string("libver").token("LIB-VER"))))
                .subcommand(command("list", ClientList::list).arity(-2).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("2.4.0").summary("Lists open connections.")
                        .complexity("O(N) where N is the number of client connections.")
                        .args(oneOf("client-type", keyword("NORMAL"), keyword("MASTER"), keyword("REPLICA"),
                                keyword("PUBSUB")).token("TYPE").since("5.0.0").optional(),
                                integer("client-id").multiple().token("ID").since("6.2.0").optional()))
                .subcommand(command("info", ClientList::info).arity(2).flags(NOSCRIPT, LOADING, STALE)
                        .since("6.2.0").summary("Returns information about the connection.")
                        .complexity(CONSTANT_TIME))
                .subcommand(command("kill", ClientList::kill).arity(-3).flags(ADMIN, NOSCRIPT, LOADING, STALE)
                        .since("2.4.0").summary("Terminates open connections.")
                        .complexity("O(N) where N is the number of client connections.")
                        .args(oneOf("filter", string("ip:port"), oneOf("new-format",
                                integer("client-id").token("ID").optional(),
                                oneOf("client-type", keyword("NORMAL"), keyword("MASTER"), keyword("SLAVE"),
                                        keyword("REPLICA"), keyword("PUBSUB")).token("TYPE").optional(),
                                string("username").token("USER").optional(),
                                string("ip:port").token("ADDR").optional(),
                                string("ip:port").token("LADDR").since("6.2.0").optional(),
                                oneOf("skip", keyword("YES"), keyword("NO")).token("SKIPME").optional())
                                .multiple())))
                .subcommand(command("no-evict", call -> onOff(call, call.session()::noEvict)).arity(3)
                        .flags(ADMIN, NOSCRIPT, LOADING, STALE).since("7.0.0")
                        .summary("Sets the client eviction mode of the connection.")
                        .complexity(CONSTANT_TIME).args(ON_OFF))
                .subcommand(command("no-touch", call -> onOff(call, call.session()::noTouch)).arity(3)
                        .flags(NOSCRIPT, LOADING, STALE).since("7.2.0")
                        .summary("Controls whether commands sent by the client affect the LRU/LFU of accessed keys.")
                        .complexity(CONSTANT_TIME).args(ON_OFF))
                .subcommand(command("help", ClientCommands::help).arity(2).flags(LOADING, STALE).since("5.0.0")
                        .summary("Returns helpful text about the different subcommands.")
                        .complexity(CONSTANT_TIME)));
    }

    /** CLIENT NO-EVICT and NO-TOUCH: ON or OFF. */
    private static void onOff(Call call, Consumer<Boolean> setting) {
        if (call.is(2, "on")) {
            setting.accept(true);
        } else if (call.is(2, "off")) {
            setting.accept(false);
        } else {
            throw CommandError.SYNTAX;
        }
        call.reply().ok();
    }

    private static void help(Call call) {
        Help.reply(call, "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                "GETNAME",
                "    Return the name of the current connection.",
                "ID",
                "    Return the ID of the current connection.",
                "INFO",
                "    Return information about the current client connection.",
                "KILL <ip:port>",
                "    Kill connection made from <ip:port>.",
                "KILL <option> <value> [<option> <value> [...]]",
                "    Kill connections. Options are:",
                "    * ADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made from the specified address",
                "    * LADDR (<ip:port>|<unixsocket>:0)",
                "      Kill connections made to specified local address",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Kill connections by type.",
                "    * USER <username>",
                "      Kill connections authenticated by <username>.",
                "    * SKIPME (YES|NO)",
                "      Skip killing current connection (default: yes).",
                "LIST [options ...]",
                "    Return information about client connections. Options:",
                "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
                "      Return clients of specified type.",
                "SETNAME <name>",
                "    Assign the name <name> to the current connection.",
                "SETINFO <option> <value>",
                "    Set client meta attr. Options are:",
                "    * LIB-NAME: the client lib name.",
                "    * LIB-VER: the client lib version.",
                "NO-EVICT (ON|OFF)",
                "    Protect current client connection from eviction.",
                "NO-TOUCH (ON|OFF)",
                "    Will not touch LRU/LFU stats when this mode is on.");
    }

    private static void setName(Call call) {
        call.session().name(validName(call, 2, "Client names"));
        call.reply().ok();
    }

    private static void getName(Call call) {
        String name = call.session().name();
        if (name.isEmpty()) {
            call.reply().nullBulk();
        } else {
            call.reply().bulk(name);
        }
    }

    private static void setInfo(Call call) {
        if (call.is(2, "lib-name")) {
            call.session().libraryName(validName(call, 3, "lib-name"));
        } else if (call.is(2, "lib-ver")) {
            call.session().libraryVersion(validName(call, 3, "lib-ver"));
        } else {
            throw new CommandError("ERR Unrecognized option '" + call.text(2) + "'");
        }
        call.reply().ok();
    }

    /** Argument {@code index} if it has no spaces, newlines or other special characters, as Redis requires. */
    static String validName(Call call, int index, String what) {
        for (byte b : call.arg(index)) {
            if (b < '!' || b > '~') {
                throw new CommandError("ERR " + what + " cannot contain spaces, newlines or special characters.");
            }
        }
        return call.text(index);
    }
}
