package io.portbind.common.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program a test needs from outside Maven ({@code redis-cli}, {@code chromium}, ...). Without it
 * the test is skipped on a developer's machine, but under {@code CI=true} it fails: {@code .ci/run}
 * installs every such tool, so a missing one there is a broken build, not a reason to skip.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** The tool's path on {@code PATH}; skips or fails the calling test when it is missing. */
    public static Path require(String name) {
        Optional<Path> found = find(name);
        if (found.isEmpty()) {
            String message = name + " is not installed (bash .ci/run installs it)";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return found.get();
    }

    public static Optional<Path> find(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** What a finished run of a tool printed (standard output and error together), and its exit status. */
    public record Output(int status, String text) {

        /** The text, after checking that the tool succeeded (the text is the failure's message otherwise). */
        public String ok() {
            if (status != 0) {
                throw new AssertionError("exit status " + status + ": " + text);
            }
            return text;
        }
    }

    /** Runs {@code command} with nothing on its standard input; see {@link #run(String, List)}. */
    public static Output run(String... command) throws IOException, InterruptedException {
        return run("", List.of(command));
    }

    /**
     * Runs {@code command} with {@code input} on its standard input and waits for it, at most 30 seconds (then it
     * is killed and the test fails). The output is read while the tool runs, so a talkative tool cannot stall.
     */
    public static Output run(String input, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish within 30 s");
        }
        return new Output(process.exitValue(), output.join());
    }
}
