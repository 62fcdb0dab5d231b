package io.portbind.http.probe;

/**
 * The outcome of one protocol-level check of a service.
 *
 * @param up               whether the service answered in its own protocol
 * @param roundTripMillis  from sending the greeting to the deciding reply; negative when down
 * @param detail           what it said (a status line, a stream opening) or why the check failed
 */
public record ProbeResult(boolean up, double roundTripMillis, String detail) {

    static ProbeResult up(long nanos, String detail) {
        return new ProbeResult(true, Math.round(nanos / 1e4) / 100.0, detail);
    }

    static ProbeResult down(String detail) {
        return new ProbeResult(false, -1, detail);
    }
}
