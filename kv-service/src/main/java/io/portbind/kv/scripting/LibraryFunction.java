package io.portbind.kv.scripting;

import java.util.List;
import org.luaj.vm2.LuaValue;

/**
 * One function a library registered with {@code redis.register_function}.
 *
 * @param name        what FCALL calls it by
 * @param callback    the Lua function, called with the keys and the arguments
 * @param flagNames   its flags as FUNCTION LIST shows them, in Redis's order
 * @param description its description, or null
 */
record LibraryFunction(String name, LuaValue callback, List<String> flagNames, String description) {

    ScriptFlags flags() {
        return new ScriptFlags(flagNames.contains("no-writes"), flagNames.contains("allow-oom"), true);
    }
}
