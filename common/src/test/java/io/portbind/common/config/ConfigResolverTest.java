package io.portbind.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigResolverTest {

    private static final Setting<String> GREETING = Setting.of("--greeting", List.of("GREETING"), null,
            "An optional setting.", Parsers::nonEmpty);
    private static final ServiceDescriptor KV = ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379,
            Settings.KV_URL, GREETING);

    private static Config resolve(Map<String, String> flags, Map<String, String> environment) {
        return ConfigResolver.resolve(KV, flags, environment);
    }

    @Test
    void portFallsBackToTheServiceDefault() {
        assertEquals(6379, resolve(Map.of(), Map.of()).port());
    }

    @Test
    void genericPortBeatsTheDefault() {
        assertEquals(7000, resolve(Map.of(), Map.of("PORT", "7000")).port());
    }

    @Test
    void serviceVariableBeatsGenericPort() {
        assertEquals(7001, resolve(Map.of(), Map.of("PORT", "7000", "KV_PORT", "7001")).port());
    }

    @Test
    void flagBeatsEveryVariable() {
        assertEquals(7002, resolve(Map.of("--port", "7002"), Map.of("PORT", "7000", "KV_PORT", "7001")).port());
    }

    @Test
    void portZeroMeansAnyFreePort() {
        assertEquals(0, resolve(Map.of(), Map.of("PORT", "0")).port());
    }

    @Test
    void bindAddressDefaultsToEveryInterface() throws Exception {
        assertEquals(InetAddress.getByName("0.0.0.0"), resolve(Map.of(), Map.of()).bindAddress());
    }

    @Test
    void bindFlagBeatsBindAddressVariable() throws Exception {
        Config config = resolve(Map.of("--bind", "127.0.0.1"), Map.of("BIND_ADDRESS", "0.0.0.0"));
        assertEquals(InetAddress.getByName("127.0.0.1"), config.bindAddress());
    }

    @Test
    void bindAddressVariableBeatsTheDefault() throws Exception {
        assertEquals(InetAddress.getByName("127.0.0.1"),
                resolve(Map.of(), Map.of("BIND_ADDRESS", "127.0.0.1")).bindAddress());
    }

    @Test
    void kvUrlBeatsItsRedisUrlAlias() {
        Config config = resolve(Map.of(), Map.of("KV_URL", "redis://kv:7000", "REDIS_URL", "redis://redis:7001"));
        assertEquals(new RedisUrl("kv", 7000, Optional.empty(), Optional.empty(), 0), config.get(Settings.KV_URL));
    }

    @Test
    void redisUrlAliasIsAccepted() {
        assertEquals("redis", resolve(Map.of(), Map.of("REDIS_URL", "redis://redis:7001")).get(Settings.KV_URL).host());
    }

    @Test
    void kvUrlDefaultsToLocalStore() {
        RedisUrl url = resolve(Map.of(), Map.of()).get(Settings.KV_URL);
        assertEquals("localhost", url.host());
        assertEquals(6379, url.port());
    }

    @Test
    void optionalSettingIsEmptyUnlessGiven() {
        assertFalse(resolve(Map.of(), Map.of()).find(GREETING).isPresent());
        assertEquals("hi", resolve(Map.of(), Map.of("GREETING", "hi")).get(GREETING));
    }

    @Test
    void logLevelIsCaseInsensitive() {
        assertEquals(LogLevel.DEBUG, resolve(Map.of(), Map.of("LOG_LEVEL", "Debug")).logLevel());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "PORT         | abc                | kv-service: invalid PORT \"abc\": expected a port number from 0 to 65535",
        "PORT         | 70000              | kv-service: invalid PORT \"70000\": expected a port number from 0 to 65535",
        "PORT         | -1                 | kv-service: invalid PORT \"-1\": expected a port number from 0 to 65535",
        "PORT         | ''                 | kv-service: invalid PORT \"\": expected a port number from 0 to 65535",
        "KV_PORT      | 1.5                | kv-service: invalid KV_PORT \"1.5\": expected a port number from 0 to 65535",
        "KV_URL       | http://x:1         | kv-service: invalid KV_URL \"http://x:1\": expected a URL like redis://[:password@]host[:port][/db]",
        "REDIS_URL    | redis://           | kv-service: invalid REDIS_URL \"redis://\": expected a URL like redis://[:password@]host[:port][/db]",
        "KV_URL       | redis://h:1/x      | kv-service: invalid KV_URL \"redis://h:1/x\": expected a URL like redis://[:password@]host[:port][/db]",
        "LOG_LEVEL    | loud               | kv-service: invalid LOG_LEVEL \"loud\": expected one of error, warn, info, debug, trace",
        "BIND_ADDRESS | ''                 | kv-service: invalid BIND_ADDRESS \"\": expected an IP address or host name of this machine, such as 0.0.0.0 or 127.0.0.1",
    })
    void badEnvironmentValueNamesVariableValueAndWhatIsAccepted(String variable, String value, String message) {
        ConfigException error = assertThrows(ConfigException.class, () -> resolve(Map.of(), Map.of(variable, value)));
        assertEquals(message, error.getMessage());
    }

    @Test
    void badFlagIsNamedByItsFlag() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> resolve(Map.of("--port", "x"), Map.of("PORT", "1")));
        assertEquals("kv-service: invalid --port \"x\": expected a port number from 0 to 65535", error.getMessage());
    }

    @Test
    void controlCharactersInABadValueStayOnOneLine() {
        ConfigException error = assertThrows(ConfigException.class,
                () -> resolve(Map.of(), Map.of("PORT", "1\n2")));
        assertEquals("kv-service: invalid PORT \"1\\u000a2\": expected a port number from 0 to 65535",
                error.getMessage());
    }
}
