package io.portbind.kv.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.ThreeArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;

/**
 * The one Lua world every EVAL script runs in, as Redis 7.0's Lua state: the base, table, string and math
 * libraries (no io, os, package or file loading), Lua 5.1's {@code unpack} and {@code loadstring} beside LuaJ's
 * 5.2 names, the {@code redis} table, and global protection. Once sealed, the globals refuse every write
 * ({@code Attempt to modify a readonly table}) and every read of a name that does not
 * exist ({@code Script attempted to access nonexistent global variable 'x'}); the library tables themselves are
 * read-only through proxies. {@code KEYS} and {@code ARGV} are the running script's.
 */
final class LuaSandbox {

    static final String READONLY_TABLE = "Attempt to modify a readonly table";

    private final SealedGlobals globals = new SealedGlobals();
    /** Every global name, with read-only library tables once sealed; the globals themselves stay empty. */
    private final LuaTable api = new LuaTable();
    /** What a FUNCTION LOAD's library code sees while it runs (Redis's library API), or null. */
    private LuaTable loadApi;
    private LuaValue keys = LuaValue.NIL;
    private LuaValue argv = LuaValue.NIL;

    LuaSandbox(ScriptWatchdog watchdog) {
        globals.load(new JseBaseLib());
        globals.load(new PackageLib()); // LuaJ's libraries register in package.loaded; scripts get no package
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new JseMathLib());
        LoadState.install(globals);
        LuaC.install(globals);
        for (String unsafe : new String[] {"dofile", "loadfile", "print", "require", "module", "package",
            "collectgarbage"}) {
            globals.set(unsafe, LuaValue.NIL);
        }
        globals.set("unpack", globals.get("table").get("unpack"));
        globals.set("loadstring", globals.get("load"));
        globals.debuglib = watchdog;
        LuaTable protection = new LuaTable();
        protection.set(LuaValue.INDEX, new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue name) {
                return lookup(name);
            }
        });
        globals.setmetatable(protection);
    }

    /** Adds {@code table} as the global {@code name}, read-only to scripts. */
    void library(String name, LuaTable table) {
        globals.set(name, table);
    }

    /**
     * Moves every global into the API table behind the globals, each library table made read-only; call once all
     * libraries are in. The globals stay empty, so every name a script reads goes through {@link #lookup}.
     */
    void seal() {
        LuaValue name = LuaValue.NIL;
        while (true) {
            Varargs next = globals.next(name);
            name = next.arg1();
            if (name.isnil()) {
                break;
            }
            LuaValue value = next.arg(2);
            api.rawset(name, value.istable() && value != globals ? readOnly((LuaTable) value) : value);
        }
        for (LuaValue key : api.keys()) {
            globals.rawset(key, LuaValue.NIL);
        }
        globals.sealed = true;
    }

    /**
     * While library code loads, scripts see only {@code names}: its tables read-only, and a missing field of them an
     * error as a missing global is (Redis's error metatable on the library API); null ends loading.
     */
    void loading(LuaTable names) {
        if (names == null) {
            loadApi = null;
            return;
        }
        loadApi = new LuaTable();
        for (LuaValue name : names.keys()) {
            LuaValue value = names.rawget(name);
            loadApi.rawset(name, value.istable() ? strict((LuaTable) value) : value);
        }
    }

    /** A read-only proxy of {@code table} whose missing fields raise the nonexistent-global error. */
    private static LuaTable strict(LuaTable table) {
        LuaTable proxy = readOnly(table);
        proxy.getmetatable().rawset(LuaValue.INDEX, new TwoArgFunction() {
            @Override
            public LuaValue call(LuaValue self, LuaValue name) {
                LuaValue value = table.rawget(name);
                if (value.isnil()) {
                    throw missing(name);
                }
                return value;
            }
        });
        return proxy;
    }

    private static LuaError missing(LuaValue name) {
        return new LuaError("Script attempted to access nonexistent global variable '" + name.tojstring() + "'");
    }

    /** Compiles {@code source} as a function of the script environment, named {@code user_script} as in Redis. */
    LuaValue compile(String chunkName, byte[] source) {
        return globals.load(new java.io.ByteArrayInputStream(source), "@" + chunkName, "t", globals);
    }

    /** Sets the running script's KEYS and ARGV. */
    void arguments(LuaValue keyTable, LuaValue argTable) {
        this.keys = keyTable;
        this.argv = argTable;
    }

    private LuaValue lookup(LuaValue name) {
        LuaValue value = loadApi != null ? loadApi.rawget(name) : api.rawget(name);
        if (!value.isnil()) {
            return value;
        }
        if (name.isstring()) {
            String text = name.tojstring();
            if (text.equals("KEYS")) {
                return keys;
            }
            if (text.equals("ARGV")) {
                return argv;
            }
        }
        throw missing(name);
    }

    /**
     * The globals, refusing every assignment once sealed. Scripts must run with the {@link Globals} themselves as
     * their environment: LuaJ calls the watchdog only for functions whose environment is the Globals.
     */
    private static final class SealedGlobals extends Globals {

        private boolean sealed;

        @Override
        public void set(LuaValue key, LuaValue value) {
            if (sealed) {
                throw new LuaError(READONLY_TABLE);
            }
            super.set(key, value);
        }
    }

    /** A proxy that reads through to {@code table} and refuses writes. */
    private static LuaTable readOnly(LuaTable table) {
        LuaTable proxy = new LuaTable();
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, table);
        meta.set(LuaValue.NEWINDEX, refuseWrites());
        proxy.setmetatable(meta);
        return proxy;
    }

    private static LuaValue refuseWrites() {
        return new ThreeArgFunction() {
            @Override
            public LuaValue call(LuaValue table, LuaValue name, LuaValue value) {
                throw new LuaError(READONLY_TABLE);
            }
        };
    }
}
