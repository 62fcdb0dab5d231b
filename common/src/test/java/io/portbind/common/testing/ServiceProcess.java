package io.portbind.common.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service started from its built jar as its own OS process, the way a user runs it. Its stdout
 * and stderr are collected line by line so tests can wait for the listening line and read errors.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile(" listening on (\\S+):(\\d+) \\(");

    private final Process process;
    private final Path workingDirectory;
    private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = Collections.synchronizedList(new ArrayList<>());

    private ServiceProcess(Process process, Path workingDirectory) {
        this.workingDirectory = workingDirectory;
        this.process = process;
        pump(process.getInputStream(), stdoutLines::add);
        pump(process.getErrorStream(), stderr::add);
    }

    /** The jar a module's build produced, {@code <module>/target/<module>.jar}, seen from any module. */
    public static Path jar(String module) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(module).resolve("target").resolve(module + ".jar");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(module + ".jar not found above " + here + "; run mvn package first");
    }

    /**
     * Starts {@code java -jar jar args...} with {@code environment} added to a clean copy of this one, in a fresh
     * working directory of its own (removed on {@link #close()}), so that whatever a service writes where it runs
     * (kv-service's dump.rdb with Redis's default save points) never lands in the source tree.
     */
    public static ServiceProcess start(Path jar, Map<String, String> environment, String... args) {
        return start(List.of(), jar, environment, args);
    }

    /**
     * The same under a limit on the size of every file the process writes ({@code ulimit -f}, in KiB): a disk
     * that fills up, for tests of what a service does when its writes fail ({@code EFBIG}, "File too large").
     */
    public static ServiceProcess startWithFileSizeLimit(long kib, Path jar, Map<String, String> environment,
                                                        String... args) {
        return start(List.of("bash", "-c", "ulimit -f " + kib + " && exec \"$@\"", "bash"), jar, environment, args);
    }

    private static ServiceProcess start(List<String> launcher, Path jar, Map<String, String> environment,
                                        String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Path workingDirectory;
        try {
            workingDirectory = Files.createTempDirectory("service-process-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.directory(workingDirectory.toFile());
        // The test JVM's own settings must not leak into the service.
        for (String inherited : List.of("PORT", "BIND_ADDRESS", "LOG_LEVEL", "KV_PORT", "CHAT_PORT", "HTTP_PORT",
                "KV_URL", "REDIS_URL", "CHAT_URL", "HTTP_URL")) {
            builder.environment().remove(inherited);
        }
        builder.environment().putAll(environment);
        try {
            return new ServiceProcess(builder.start(), workingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for {@code <service> listening on <host>:<port> (...)} and returns the port. */
    public int awaitListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = stdoutLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no listening line within " + timeout + "; stdout " + stdout
                        + ", stderr " + stderr + (process.isAlive() ? "" : ", exit " + process.exitValue()));
            }
            stdout.add(line);
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(2));
            }
        }
    }

    /** Waits for a line on stdout, after those already read, that {@code pattern} finds; returns it. */
    public String awaitStdoutLine(Pattern pattern, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = stdoutLines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no stdout line matching " + pattern + " within " + timeout + "; stdout "
                        + stdout);
            }
            stdout.add(line);
            if (pattern.matcher(line).find()) {
                return line;
            }
        }
    }

    /** Sends SIGTERM and returns the exit status; fails if the process is still running after {@code timeout}. */
    public int terminate(Duration timeout) throws InterruptedException {
        sigterm();
        return awaitExit(timeout);
    }

    /**
     * Sends SIGTERM and returns at once, for a service that may decide to keep running. Through the process
     * handle: {@link Process#destroy()} also closes the pipes, and the service's later output would be lost.
     */
    public void sigterm() {
        process.toHandle().destroy();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the exit status once the process ends by itself. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("process still running after " + timeout);
        }
        return process.exitValue();
    }

    /** Everything written to stderr so far. Call after the process ended for the complete text. */
    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(workingDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | InterruptedException e) {
            // A directory left in /tmp is harmless; the test's outcome is what matters.
        }
    }

    private static void pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // The process ended; what was read is kept.
            }
        }, "service-output");
        thread.setDaemon(true);
        thread.start();
    }
}
