package io.portbind.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** The dashboard's store numbers come from DBSIZE and INFO; the key count shows whatever INFO supports. */
    @Test
    void statusShowsTheKvServiceKeyCount() throws InterruptedException {
        service.put("/api/data/counted", "v");
        String counted = ".*\"store\":\\{\"reachable\":true,\"keys\":[1-9].*";
        String status = service.get("/api/status").body();
        for (int wait = 0; !status.matches(counted) && wait < 30; wait++) {
            Thread.sleep(100); // a status younger than a second is served from cache
            status = service.get("/api/status").body();
        }
        assertTrue(status.matches(counted), status);
    }
}
