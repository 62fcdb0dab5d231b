package io.portbind.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedisUrlTest {

    @Test
    void hostOnlyTakesDefaultPortAndDatabaseZero() throws Exception {
        assertEquals(new RedisUrl("store", 6379, Optional.empty(), Optional.empty(), 0), RedisUrl.parse("redis://store"));
    }

    @Test
    void passwordWithoutUserAndDatabase() throws Exception {
        assertEquals(new RedisUrl("h", 7000, Optional.empty(), Optional.of("s3cret"), 2),
                RedisUrl.parse("redis://:s3cret@h:7000/2"));
    }

    @Test
    void userAndEscapedPassword() throws Exception {
        assertEquals(new RedisUrl("h", 6379, Optional.of("app"), Optional.of("p@ss"), 0),
                RedisUrl.parse("redis://app:p%40ss@h"));
    }

    @Test
    void toStringHidesThePassword() throws Exception {
        assertEquals("redis://:***@h:7000/2", RedisUrl.parse("redis://:s3cret@h:7000/2").toString());
    }

    @Test
    void otherSchemesAreRejected() {
        assertThrows(InvalidValueException.class, () -> RedisUrl.parse("rediss://h:6379"));
        assertThrows(InvalidValueException.class, () -> RedisUrl.parse("h:6379"));
    }

    @Test
    void xmppAddressTakesItsDefaultPort() throws Exception {
        assertEquals(new ServiceAddress("xmpp", "chat", 5222), ServiceAddress.parser("xmpp", 5222).parse("xmpp://chat"));
    }

    @Test
    void serviceAddressRejectsPathsAndWrongSchemes() {
        ValueParser<ServiceAddress> parser = ServiceAddress.parser("http", 5000);
        assertThrows(InvalidValueException.class, () -> parser.parse("http://h:1/api"));
        assertThrows(InvalidValueException.class, () -> parser.parse("xmpp://h:1"));
    }
}
