package io.portbind.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every service promises as a process, tested on its built jar the way a user starts it:
 * it binds the port it is given (0 for any), answers its protocol's simplest exchange, exits 0 on
 * SIGTERM, and reports bad configuration and a busy port in one line with exit status 2 and 1.
 * Each service extends this with its name and its greeting.
 */
public abstract class ServiceProcessContract {

    private static final Duration START = Duration.ofSeconds(20);
    private static final Duration STOP = Duration.ofSeconds(10);

    private final String service;
    private final String portVariable;

    /**
     * @param service       the module, which is also the service's name, such as {@code kv-service}
     * @param portVariable  the service's own port variable, such as {@code KV_PORT}
     */
    protected ServiceProcessContract(String service, String portVariable) {
        this.service = service;
        this.portVariable = portVariable;
    }

    /** Does the protocol's simplest exchange with a real client and asserts on the answer. */
    protected abstract void greet(int port) throws Exception;

    /**
     * Settings every process of this contract gets besides each test's own, which win: a service whose stop
     * writes files (kv-service's snapshot) points them away from the build's directory here.
     */
    protected Map<String, String> baseEnvironment() {
        return Map.of();
    }

    private ServiceProcess start(Map<String, String> environment, String... args) {
        Path jar = ServiceProcess.jar(service);
        Map<String, String> merged = new HashMap<>(baseEnvironment());
        merged.putAll(environment);
        return ServiceProcess.start(jar, merged, args);
    }

    @Test
    void startsOnAFreePortAnswersAndExitsZeroOnSigterm() throws Exception {
        try (ServiceProcess process = start(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"))) {
            int port = process.awaitListening(START);
            greet(port);
            assertEquals(0, process.terminate(STOP), () -> "stderr: " + process.stderr());
        }
    }

    @Test
    void servicePortVariableAndFlagAreHonoured() throws Exception {
        try (ServiceProcess process = start(Map.of("PORT", "1", portVariable, "70000"), "--port", "0",
                "--bind", "127.0.0.1")) {
            int port = process.awaitListening(START);
            greet(port);
            assertEquals(0, process.terminate(STOP));
        }
    }

    @Test
    void badPortIsOneLineOnStderrAndExitStatusTwo() throws Exception {
        try (ServiceProcess process = start(Map.of("PORT", "abc"))) {
            assertEquals(2, process.awaitExit(STOP));
            assertEquals(List.of(service + ": invalid PORT \"abc\": expected a port number from 0 to 65535"),
                    process.stderr());
        }
    }

    @Test
    void malformedBackingUrlOrUnknownFlagIsOneLineAndExitStatusTwo() throws Exception {
        try (ServiceProcess process = start(Map.of("PORT", "0"), "--no-such-flag")) {
            assertEquals(2, process.awaitExit(STOP));
            assertEquals(List.of(service + ": Unknown option: '--no-such-flag' (see --help)"), process.stderr());
        }
    }

    @Test
    void secondProcessOnTheSamePortExitsOneWithOneLine() throws Exception {
        try (ServiceProcess first = start(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"))) {
            int port = first.awaitListening(START);
            try (ServiceProcess second = start(Map.of("PORT", Integer.toString(port), "BIND_ADDRESS", "127.0.0.1"))) {
                assertEquals(1, second.awaitExit(START));
                assertEquals(List.of(service + ": cannot bind 127.0.0.1:" + port + ": address already in use"),
                        second.stderr());
            }
            greet(port);
            assertEquals(0, first.terminate(STOP));
        }
    }
}
