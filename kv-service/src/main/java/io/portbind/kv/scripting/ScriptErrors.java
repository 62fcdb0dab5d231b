package io.portbind.kv.scripting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * Error replies of scripts in Redis 7.0's words. An error raised in a script becomes {@code <err> script: <name>,
 * on @user_script:<line>.}, where {@code <err>} is the {@code err} field of an error table (what redis.call raises)
 * or {@code ERR } and the message of any other error, with Lua's {@code user_script:<line>:} position in front
 * (Redis's error handler, {@code __redis__err__handler}). LuaJ writes positions as {@code @user_script:1 }; they are
 * rewritten to C Lua's form.
 */
final class ScriptErrors {

    private static final Pattern LUAJ_POSITION = Pattern.compile("@([A-Za-z_]+):(\\d+) ");
    /** LuaJ 3.0.1 names the end of the chunk by its token number; C Lua says {@code near '<eof>'}. */
    private static final String LUAJ_EOF = " 286 (" + (char) 286 + ")";

    private ScriptErrors() {
    }

    /** An error table, as Redis's {@code luaPushError}: {@code ERR } in front of a message without a code. */
    static LuaTable table(String message) {
        LuaTable error = new LuaTable();
        error.rawset("err", LuaString.valueOf(message));
        return error;
    }

    /**
     * The reply to a script that raised {@code error}, run as {@code name} ("script: <name>"); {@code lastLine} is
     * where the script was when LuaJ gives no position.
     */
    static String reply(LuaError error, String name, String chunkName, int lastLine) {
        String raw = error.getMessage() == null ? "" : error.getMessage().strip();
        Matcher where = LUAJ_POSITION.matcher(raw);
        boolean positioned = where.lookingAt();
        String position = positioned ? "@" + where.group(1) + ":" + where.group(2)
                : lastLine > 0 ? "@" + chunkName + ":" + lastLine : null;
        LuaValue object = error.getMessageObject();
        String message;
        if (object != null && object.istable() && object.rawget("err").isstring()) {
            message = object.rawget("err").tojstring();
        } else {
            // Errors of Java functions called in a tail position carry no position; C Lua's would.
            message = "ERR " + (!positioned && lastLine > 0 ? chunkName + ":" + lastLine + ": " + raw
                    : cLuaPositions(raw));
        }
        return position == null ? message : message + " script: " + name + ", on " + position + ".";
    }

    /** A compile error, as SCRIPT LOAD and EVAL give it. */
    static String compile(LuaError error) {
        return "ERR Error compiling script (new function): "
                + cLuaPositions(error.getMessage()).replace(LUAJ_EOF, " near '<eof>'");
    }

    /** {@code @user_script:1 boom} as C Lua writes it: {@code user_script:1: boom}. */
    static String cLuaPositions(String text) {
        return LUAJ_POSITION.matcher(text).replaceAll("$1:$2: ");
    }
}
