package io.portbind.common.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
}
