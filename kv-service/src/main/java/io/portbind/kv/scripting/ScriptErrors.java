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
        String position = position(error, chunkName, lastLine);
        String message = message(error, chunkName, lastLine);
        return position == null ? message : message + " script: " + name + ", on " + position + ".";
    }

    /** The message of {@code error} alone: the {@code err} field of an error table, else {@code ERR } and the text. */
    static String message(LuaError error, String chunkName, int lastLine) {
        LuaValue object = error.getMessageObject();
        if (object != null && object.istable() && object.rawget("err").isstring()) {
            return object.rawget("err").tojstring();
        }
        String raw = raw(error);
        // Errors of Java functions called in a tail position carry no position; C Lua's would.
        return "ERR " + (!LUAJ_POSITION.matcher(raw).lookingAt() && lastLine > 0
                ? chunkName + ":" + lastLine + ": " + raw : cLuaPositions(raw));
    }

    private static String position(LuaError error, String chunkName, int lastLine) {
        Matcher where = LUAJ_POSITION.matcher(raw(error));
        if (where.lookingAt()) {
            return "@" + where.group(1) + ":" + where.group(2);
        }
        return lastLine > 0 ? "@" + chunkName + ":" + lastLine : null;
    }

    private static String raw(LuaError error) {
        return error.getMessage() == null ? "" : error.getMessage().strip();
    }

    /** A compile error, as SCRIPT LOAD and EVAL give it ("script (new function)") or FUNCTION LOAD ("function"). */
    static String compile(LuaError error, ScriptKind kind) {
        return (kind == ScriptKind.EVAL ? "ERR Error compiling script (new function): "
                : "ERR Error compiling function: ")
                + cLuaPositions(error.getMessage()).replace(LUAJ_EOF, " near '<eof>'");
    }

    /** {@code @user_script:1 boom} as C Lua writes it: {@code user_script:1: boom}. */
    static String cLuaPositions(String text) {
        return LUAJ_POSITION.matcher(text).replaceAll("$1:$2: ");
    }
}
