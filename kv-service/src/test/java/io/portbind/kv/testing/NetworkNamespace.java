package io.portbind.kv.testing;

import io.portbind.common.testing.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A network namespace joined to this host by a veth pair ({@code 10.200.N.1} here, {@code 10.200.N.2}
 * inside), so that a program run inside it reaches this host from an address that is not loopback, as a
 * client on another machine would. Names and subnet are picked at random, unused, so that test runs side
 * by side do not meet. Needs iproute2 and the right to create namespaces (root): without them the
 * calling test is skipped, but under {@code CI=true} it fails, as {@link ExternalTool} does.
 */
public final class NetworkNamespace implements AutoCloseable {

    private static final int ATTEMPTS = 50;
    private static final int RUN_SECONDS = 20;

    private final Path ip;
    private final String name;
    private final String hostLink;
    private String subnet;

    private NetworkNamespace(Path ip, String tag) {
        this.ip = ip;
        this.name = "portbind-test-" + tag;
        this.hostLink = "pb" + tag + "h";
    }

    /** A new namespace with its veth pair up; close it to remove both. */
    public static NetworkNamespace create() throws IOException, InterruptedException {
        Path ip = ExternalTool.require("ip");
        String tag = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0x1000000));
        NetworkNamespace namespace = new NetworkNamespace(ip, tag);
        Result added = namespace.ip("netns", "add", namespace.name);
        if (added.status() != 0) {
            String message = "cannot create a network namespace (root and iproute2 needed): " + added.output();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        try {
            namespace.connect("pb" + tag + "n");
            return namespace;
        } catch (Throwable failed) {
            namespace.close();
            throw failed;
        }
    }

    /** The host's address as seen from inside: where a client in the namespace connects to. */
    public String hostAddress() {
        return subnet + ".1";
    }

    /**
     * Runs {@code command} inside the namespace and returns its standard output and error, as they came;
     * fails when it exits non-zero or runs longer than {@link #RUN_SECONDS}.
     */
    public String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("netns", "exec", name, "timeout", Integer.toString(RUN_SECONDS)));
        line.addAll(List.of(command));
        Result result = ip(line.toArray(String[]::new));
        if (result.status() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + result.status() + ": "
                    + result.output());
        }
        return result.output();
    }

    /** Deletes the namespace, which deletes the veth pair with it; the host side too, if it got that far. */
    @Override
    public void close() throws IOException, InterruptedException {
        ip("netns", "delete", name);
        ip("link", "delete", hostLink);
    }

    private void connect(String namespaceLink) throws IOException, InterruptedException {
        subnet = unusedSubnet();
        check(ip("link", "add", hostLink, "type", "veth", "peer", "name", namespaceLink, "netns", name));
        check(ip("addr", "add", subnet + ".1/24", "dev", hostLink));
        check(ip("link", "set", hostLink, "up"));
        check(ip("-n", name, "addr", "add", subnet + ".2/24", "dev", namespaceLink));
        check(ip("-n", name, "link", "set", namespaceLink, "up"));
        check(ip("-n", name, "link", "set", "lo", "up"));
    }

    /** A 10.200.N subnet no interface of this host has an address in. */
    private String unusedSubnet() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            String candidate = "10.200." + ThreadLocalRandom.current().nextInt(1, 255);
            Result inUse = check(ip("-4", "-o", "addr", "show", "to", candidate + ".0/24"));
            if (inUse.output().isBlank()) {
                return candidate;
            }
        }
        throw new AssertionError("no free 10.200.N.0/24 subnet after " + ATTEMPTS + " attempts");
    }

    private Result ip(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ip.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static Result check(Result result) {
        if (result.status() != 0) {
            throw new AssertionError("ip failed: " + result.output());
        }
        return result;
    }

    private record Result(int status, String output) {
    }
}
