package io.portbind.chat.connection;

import io.portbind.chat.session.UnsentLimit;
import io.portbind.chat.throttle.ConnectionsPerNetwork;
import java.time.Duration;

/**
 * What one connection may cost before it has proved anything, and after.
 *
 * @param negotiationTimeout how long a stream may stay unauthenticated before it is closed
 * @param unsent             bytes that may wait for a client that does not read
 * @param perNetwork         connections open at once from one client network
 */
public record ConnectionLimits(Duration negotiationTimeout, UnsentLimit unsent, ConnectionsPerNetwork perNetwork) {
}
