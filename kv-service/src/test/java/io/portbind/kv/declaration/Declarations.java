package io.portbind.kv.declaration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures: our command files, and files for Redis commands kv-service lacks (SORT, XREAD, EVAL...). */
final class Declarations {

    private Declarations() {
    }

    /** One of kv-service's own files, {@code commands/<fileName>}. */
    static CommandDeclaration ours(String fileName) {
        return CommandFile.load(fileName);
    }

    /**
     * A file in the same form for a command kv-service does not have, written from redis-server 7.0.15's own
     * COMMAND DOCS and COMMAND INFO (test resource {@code redis-only/<fileName>}).
     */
    static CommandDeclaration redisOnly(String fileName) {
        return CommandFile.parse(fileName, resource("redis-only/" + fileName));
    }

    /** The bytes of the test resource {@code io/portbind/kv/table/<path>}. */
    static byte[] resource(String path) {
        try (InputStream in = Declarations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An argument vector from words. */
    static byte[][] argv(String... words) {
        byte[][] argv = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            argv[i] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return argv;
    }
}
