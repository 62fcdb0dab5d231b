package io.portbind.kv.aof;

import io.portbind.kv.testing.RedisServerProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: reading an AOF file's commands, and a redis-server 7.0.15 with AOF on in a directory of ours. */
final class AofFiles {

    private AofFiles() {
    }

    /** The commands of an AOF file in RESP form, each as its arguments. */
    static List<List<String>> commands(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        List<List<String>> commands = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            int end = lineEnd(data, i);
            int count = Integer.parseInt(new String(data, i + 1, end - i - 1, StandardCharsets.US_ASCII));
            i = end + 2;
            List<String> args = new ArrayList<>();
            for (int j = 0; j < count; j++) {
                end = lineEnd(data, i);
                int length = Integer.parseInt(new String(data, i + 1, end - i - 1, StandardCharsets.US_ASCII));
                i = end + 2;
                args.add(new String(data, i, length, StandardCharsets.ISO_8859_1));
                i += length + 2;
            }
            commands.add(args);
        }
        return commands;
    }

    private static int lineEnd(byte[] data, int from) {
        for (int i = from; i < data.length - 1; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end after offset " + from);
    }

    /** redis-server with AOF on in {@code dir}, writing its base files as AOF ({@code aof-use-rdb-preamble no}). */
    static RedisServerProcess redisServer(Path dir, String fsync) throws Exception {
        return redisServer(dir, fsync, "no");
    }

    /** The same, writing its base files as RDB ({@code rdbPreamble} yes, Redis's default) or as AOF (no). */
    static RedisServerProcess redisServer(Path dir, String fsync, String rdbPreamble) throws Exception {
        return RedisServerProcess.start("--bind", "127.0.0.1", "--save", "", "--dir", dir.toString(),
                "--appendonly", "yes", "--appendfsync", fsync, "--aof-use-rdb-preamble", rdbPreamble);
    }
}
