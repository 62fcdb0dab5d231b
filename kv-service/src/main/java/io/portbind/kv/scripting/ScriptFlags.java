package io.portbind.kv.scripting;

import io.portbind.kv.resp.CommandError;
import java.nio.charset.StandardCharsets;

/**
 * The flags a script declares in its shebang ({@code #!lua flags=no-writes,allow-oom}), as Redis 7.0's
 * {@code evalExtractShebangFlags}; a script without a shebang runs in compatibility mode with none of them.
 *
 * @param noWrites   {@code no-writes}, or the script runs through EVAL_RO/EVALSHA_RO/FCALL_RO
 * @param allowOom   {@code allow-oom}: write commands run even over maxmemory
 * @param shebang    whether the script has a shebang (else Redis's compatibility mode)
 */
record ScriptFlags(boolean noWrites, boolean allowOom, boolean shebang) {

    static final ScriptFlags COMPATIBLE = new ScriptFlags(false, false, false);

    /** The same flags, read-only (the _RO commands). */
    ScriptFlags readOnly() {
        return new ScriptFlags(true, allowOom, shebang);
    }

    /** Whether {@code body} starts with a shebang line. */
    static boolean hasShebang(byte[] body) {
        return body.length >= 2 && body[0] == '#' && body[1] == '!';
    }

    /** The flags of an EVAL script's shebang line, or {@link #COMPATIBLE} without one. */
    static ScriptFlags ofEval(byte[] body) {
        if (!hasShebang(body)) {
            return COMPATIBLE;
        }
        String[] parts = shebangLine(body).split(" ");
        if (!parts[0].equals("#!lua")) {
            throw new CommandError("ERR Unexpected engine in script shebang: " + parts[0]);
        }
        boolean noWrites = false;
        boolean allowOom = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (!parts[i].startsWith("flags=")) {
                throw new CommandError("ERR Unknown lua shebang option: " + parts[i]);
            }
            for (String flag : parts[i].substring("flags=".length()).split(",")) {
                switch (flag) {
                    case "no-writes" -> noWrites = true;
                    case "allow-oom" -> allowOom = true;
                    case "allow-stale", "no-cluster", "allow-cross-slot-keys", "" -> {
                    }
                    default -> throw new CommandError("ERR Unexpected flag in script shebang: " + flag);
                }
            }
        }
        return new ScriptFlags(noWrites, allowOom, true);
    }

    /** The body Lua compiles: the shebang line emptied, its newline kept so that line numbers stay. */
    static byte[] withoutShebang(byte[] body) {
        if (!hasShebang(body)) {
            return body;
        }
        int end = indexOfNewline(body);
        if (end < 0) {
            return new byte[0];
        }
        byte[] rest = new byte[body.length - end];
        System.arraycopy(body, end, rest, 0, rest.length);
        return rest;
    }

    private static String shebangLine(byte[] body) {
        int end = indexOfNewline(body);
        return new String(body, 0, end < 0 ? body.length : end, StandardCharsets.ISO_8859_1);
    }

    private static int indexOfNewline(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
