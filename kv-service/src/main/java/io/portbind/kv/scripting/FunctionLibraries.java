package io.portbind.kv.scripting;

import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded function libraries and their functions by name (Redis's {@code functionsLibCtx}). Changed under the
 * keyspace lock; FUNCTION STATS reads the counts while a busy function holds it.
 */
final class FunctionLibraries {

    private final ScriptEngine engine;
    private final Map<String, FunctionLibrary> libraries = new LinkedHashMap<>();
    private final Map<String, LibraryFunction> functions = new ConcurrentHashMap<>();
    private volatile int libraryCount;

    FunctionLibraries(ScriptEngine engine) {
        this.engine = engine;
    }

    /**
     * FUNCTION LOAD (Redis's {@code functionsCreateWithLibraryCtx}): checks the metadata, runs the code, checks
     * what it registered, then installs the library in place of the one of the same name if {@code replace}.
     * Returns the library's name.
     */
    String load(byte[] code, boolean replace) {
        String name = libraryName(code);
        if (libraries.containsKey(name) && !replace) {
            throw new CommandError("ERR Library '" + name + "' already exists");
        }
        List<LibraryFunction> registered = engine.loadLibrary(code);
        if (registered.isEmpty()) {
            throw new CommandError("ERR No functions registered");
        }
        Set<String> names = new HashSet<>();
        FunctionLibrary old = libraries.get(name);
        for (LibraryFunction function : registered) {
            LibraryFunction existing = functions.get(function.name());
            boolean ownedByOld = old != null
                    && old.functions().stream().anyMatch(f -> f.name().equals(function.name()));
            if (!names.add(function.name()) || existing != null && !ownedByOld) {
                throw new CommandError("ERR Function " + function.name() + " already exists");
            }
        }
        if (old != null) {
            remove(old);
        }
        FunctionLibrary library = new FunctionLibrary(name, code, List.copyOf(registered));
        libraries.put(name, library);
        registered.forEach(function -> functions.put(function.name(), function));
        libraryCount = libraries.size();
        return name;
    }

    /** A library of FUNCTION RESTORE's APPEND policy, refused (in Redis's words there) when its name is taken. */
    void append(byte[] code) {
        String name = libraryName(code);
        if (libraries.containsKey(name)) {
            throw new CommandError("ERR Library " + name + " already exists");
        }
        load(code, false);
    }

    LibraryFunction function(String name) {
        return functions.get(name);
    }

    FunctionLibrary library(String name) {
        return libraries.get(name);
    }

    Collection<FunctionLibrary> all() {
        return libraries.values();
    }

    /** The codes of all libraries, in load order: FUNCTION DUMP, the RDB and the AOF base. */
    List<byte[]> codes() {
        List<byte[]> codes = new ArrayList<>();
        libraries.values().forEach(library -> codes.add(library.code()));
        return codes;
    }

    void delete(String name) {
        FunctionLibrary library = libraries.get(name);
        if (library == null) {
            throw new CommandError("ERR Library not found");
        }
        remove(library);
        libraryCount = libraries.size();
    }

    void flush() {
        libraries.clear();
        functions.clear();
        libraryCount = 0;
    }

    int libraryCount() {
        return libraryCount;
    }

    int functionCount() {
        return functions.size();
    }

    private void remove(FunctionLibrary library) {
        libraries.remove(library.name());
        library.functions().forEach(function -> functions.remove(function.name()));
    }

    /** The library name in the code's shebang ({@code #!lua name=mylib}), checked as Redis checks it. */
    private static String libraryName(byte[] code) {
        if (!ScriptFlags.hasShebang(code)) {
            throw new CommandError("ERR Missing library metadata");
        }
        int end = 0;
        while (end < code.length && code[end] != '\n') {
            end++;
        }
        if (end == code.length) {
            throw new CommandError("ERR Invalid library metadata");
        }
        String[] parts = new String(code, 2, end - 2, StandardCharsets.ISO_8859_1).trim().split(" +");
        String name = null;
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].startsWith("name=")) {
                throw new CommandError("ERR Invalid metadata value given: " + parts[i]);
            }
            name = parts[i].substring("name=".length());
        }
        if (name == null) {
            throw new CommandError("ERR Library name was not given");
        }
        if (!FunctionRegistration.validName(name)) {
            throw new CommandError("ERR Library names can only contain letters, numbers, or underscores(_) and must "
                    + "be at least one character long");
        }
        if (!parts[0].equalsIgnoreCase("lua")) {
            throw new CommandError("ERR Engine '" + parts[0] + "' not found");
        }
        return name;
    }
}
