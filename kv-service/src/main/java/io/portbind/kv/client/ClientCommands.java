package io.portbind.kv.client;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.CommandFamily;
import io.portbind.kv.table.CommandRegistry;
import io.portbind.kv.table.Help;
import java.util.function.Consumer;

/** CLIENT ID, REPLY ({@link ClientReply}), SETNAME, GETNAME, SETINFO, NO-EVICT, NO-TOUCH, HELP; LIST, INFO and KILL
 * in {@link ClientList}. */
public final class ClientCommands implements CommandFamily {

    @Override
    public void register(CommandRegistry registry) {
        registry.bind("client|id", call -> call.reply().integer(call.session().id()))
                .bind("client|reply", ClientReply::reply)
                .bind("client|setname", ClientCommands::setName)
                .bind("client|getname", ClientCommands::getName)
                .bind("client|setinfo", ClientCommands::setInfo)
                .bind("client|list", ClientList::list)
                .bind("client|info", ClientList::info)
                .bind("client|kill", ClientList::kill)
                .bind("client|no-evict", call -> onOff(call, call.session()::noEvict))
                .bind("client|no-touch", call -> onOff(call, call.session()::noTouch))
                .bind("client|help", ClientCommands::help);
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
