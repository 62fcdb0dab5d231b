package io.portbind.kv.scripting;

import java.util.HashMap;
import java.util.Map;
import org.luaj.vm2.LuaValue;

/**
 * The EVAL scripts compiled so far, by the SHA-1 of their body (Redis's {@code lctx.lua_scripts}): filled by EVAL
 * and SCRIPT LOAD, read by EVALSHA, emptied by SCRIPT FLUSH. Not persisted, as in Redis 7. Under the keyspace lock.
 */
final class ScriptCache {

    /** One cached script: its compiled function and the flags of its shebang. */
    record Script(LuaValue function, ScriptFlags flags) {
    }

    private final Map<String, Script> scripts = new HashMap<>();

    Script get(String sha) {
        return scripts.get(sha);
    }

    void put(String sha, Script script) {
        scripts.put(sha, script);
    }

    boolean contains(String sha) {
        return scripts.containsKey(sha);
    }

    void clear() {
        scripts.clear();
    }
}
