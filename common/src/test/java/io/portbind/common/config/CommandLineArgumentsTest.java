package io.portbind.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineArgumentsTest {

    private static final ServiceDescriptor HTTP = ServiceDescriptor.of("http-service", "HTTP/1.1", "HTTP_PORT", 5000,
            Settings.KV_URL, Settings.CHAT_URL);

    private final StringWriter printed = new StringWriter();

    private Optional<Map<String, String>> parse(String... args) {
        return new CommandLineArguments(HTTP, "1.2.3").parse(args, new PrintWriter(printed, true));
    }

    @Test
    void flagsAreReturnedByTheirLongName() {
        assertEquals(Optional.of(Map.of("--port", "8080", "--bind", "127.0.0.1")),
                parse("--port", "8080", "--bind=127.0.0.1"));
    }

    @Test
    void helpListsEveryFlagEveryVariableAndEveryDefault() {
        assertEquals(Optional.empty(), parse("--help"));
        String help = printed.toString();
        for (String expected : new String[] {"--port", "--bind", "--kv-url", "--chat-url", "--log-level",
            "HTTP_PORT", "PORT", "BIND_ADDRESS", "KV_URL", "REDIS_URL", "CHAT_URL", "LOG_LEVEL",
            "5000", "0.0.0.0", "redis://localhost:6379", "xmpp://localhost:5222", "info"}) {
            assertTrue(help.contains(expected), () -> "help lacks " + expected + ":\n" + help);
        }
    }

    @Test
    void versionNamesTheService() {
        assertEquals(Optional.empty(), parse("--version"));
        assertEquals("http-service 1.2.3", printed.toString().trim());
    }

    @Test
    void unknownFlagIsAOneLineUsageError() {
        ConfigException error = assertThrows(ConfigException.class, () -> parse("--colour"));
        assertEquals("http-service: Unknown option: '--colour' (see --help)", error.getMessage());
    }
}
