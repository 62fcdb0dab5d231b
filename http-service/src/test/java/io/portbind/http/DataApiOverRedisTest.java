package io.portbind.http;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over a real redis-server. */
class DataApiOverRedisTest extends DataApiContract {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overRedis();

    @Override
    HttpServiceUnderTest service() {
        return service;
    }
}
