package io.portbind.http;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON API over this project's kv-service: the same requests, the same answers as over Redis. */
class DataApiOverKvServiceTest extends DataApiContract {

    @RegisterExtension
    static final HttpServiceUnderTest service = HttpServiceUnderTest.overKvService();

    @Override
    HttpServiceUnderTest service() {
        return service;
    }

    /** Reported as skipped, not passed: the API answers 502 with the store's "unknown command" until SCAN lands. */
    @Override
    @Test
    @Disabled("kv-service does not implement SCAN yet; remove this override once it does")
    void listingPagesThroughKeysWithAPrefix() {
    }
}
