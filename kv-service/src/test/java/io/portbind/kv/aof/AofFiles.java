package io.portbind.kv.aof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

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


    /** Starts redis-server on a free port with AOF on in {@code dir} (base files of type aof) and waits for it. */
    static Process redisServer(Path redisServer, Path dir, int port, String fsync) throws Exception {
        return redisServer(redisServer, dir, port, fsync, "no");
    }

    /** The same, writing its base files as RDB ({@code rdbPreamble} yes, Redis's default) or as AOF (no). */
    static Process redisServer(Path redisServer, Path dir, int port, String fsync, String rdbPreamble)
            throws Exception {
        Process process = new ProcessBuilder(redisServer.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--dir", dir.toString(), "--appendonly", "yes",
                "--appendfsync", fsync, "--aof-use-rdb-preamble", rdbPreamble)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.ping();
                return process;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    process.destroyForcibly();
                    throw new AssertionError("redis-server did not start", notYet);
                }
                Thread.sleep(50);
            }
        }
    }

    /** SHUTDOWN NOSAVE on {@code port}, then waits for the process to end. */
    static void stop(Process process, int port) throws InterruptedException {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.shutdown();
        } catch (RuntimeException closedAsItShould) {
            // SHUTDOWN closes the connection without a reply.
        }
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
