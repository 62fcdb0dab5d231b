package io.portbind.kv.geo;

/**
 * Redis's geohash: longitude and latitude, each scaled to 26 bits of its range, interleaved into the 52-bit
 * integer that is a geo member's sorted-set score (latitude in the even bits, longitude in the odd ones).
 * Latitudes are limited to the Web Mercator range (+-85.05112878), so the scores are not the standard geohash;
 * GEOHASH re-encodes with the standard ranges for its text.
 */
final class GeoHash {

    static final int MAX_STEP = 26;
    static final double LONGITUDE_MIN = -180;
    static final double LONGITUDE_MAX = 180;
    static final double LATITUDE_MIN = -85.05112878;
    static final double LATITUDE_MAX = 85.05112878;

    private static final long EVEN_BITS = 0x5555555555555555L;
    private static final long ODD_BITS = 0xaaaaaaaaaaaaaaaaL;

    /** A cell: {@code bits} holds {@code 2 * step} bits. Step 0 with no bits is "no cell" (a pruned neighbour). */
    record Cell(long bits, int step) {
        static final Cell NONE = new Cell(0, 0);

        boolean isNone() {
            return bits == 0 && step == 0;
        }

        /** The neighbour {@code dx} cells east and {@code dy} cells north, wrapping around as Redis's moves do. */
        Cell moved(int dx, int dy) {
            long x = bits & ODD_BITS;
            long y = bits & EVEN_BITS;
            return new Cell(move(x, dx, EVEN_BITS, ODD_BITS) | move(y, dy, ODD_BITS, EVEN_BITS), step);
        }

        private long move(long coordinate, int direction, long otherBits, long ownBits) {
            if (direction == 0) {
                return coordinate;
            }
            long filler = otherBits >>> (64 - step * 2);
            long moved = direction > 0 ? coordinate + (filler + 1) : (coordinate | filler) - (filler + 1);
            return moved & (ownBits >>> (64 - step * 2));
        }

        /** The first 52-bit score inside this cell. */
        long firstScore() {
            return bits << (52 - step * 2);
        }

        /** The first 52-bit score after this cell. */
        long endScore() {
            return (bits + 1) << (52 - step * 2);
        }
    }

    /** A decoded cell: its longitude and latitude intervals. */
    record Area(double longitudeMin, double longitudeMax, double latitudeMin, double latitudeMax) {
    }

    private GeoHash() {
    }

    static boolean isValid(double longitude, double latitude) {
        return longitude >= LONGITUDE_MIN && longitude <= LONGITUDE_MAX
                && latitude >= LATITUDE_MIN && latitude <= LATITUDE_MAX;
    }

    /** The cell of {@code step} bits per coordinate holding the point, in Redis's ranges. */
    static Cell encode(double longitude, double latitude, int step) {
        return encode(longitude, latitude, step, LATITUDE_MIN, LATITUDE_MAX);
    }

    /** As {@link #encode(double, double, int)} with another latitude range (GEOHASH's standard -90..90). */
    static Cell encode(double longitude, double latitude, int step, double latitudeMin, double latitudeMax) {
        double latitudeOffset = (latitude - latitudeMin) / (latitudeMax - latitudeMin) * (1L << step);
        double longitudeOffset = (longitude - LONGITUDE_MIN) / (LONGITUDE_MAX - LONGITUDE_MIN) * (1L << step);
        return new Cell(interleave(toUint32(latitudeOffset), toUint32(longitudeOffset)), step);
    }

    /** A member's 52-bit score for the point. */
    static long score(double longitude, double latitude) {
        return encode(longitude, latitude, MAX_STEP).firstScore();
    }

    static Area decode(Cell cell) {
        long separated = deinterleave(cell.bits());
        long latitudeIndex = separated & 0xffffffffL;
        long longitudeIndex = separated >>> 32;
        double cells = 1L << cell.step();
        double latitudeScale = LATITUDE_MAX - LATITUDE_MIN;
        double longitudeScale = LONGITUDE_MAX - LONGITUDE_MIN;
        return new Area(
                LONGITUDE_MIN + (longitudeIndex * 1.0 / cells) * longitudeScale,
                LONGITUDE_MIN + (((longitudeIndex + 1) & 0xffffffffL) * 1.0 / cells) * longitudeScale,
                LATITUDE_MIN + (latitudeIndex * 1.0 / cells) * latitudeScale,
                LATITUDE_MIN + (((latitudeIndex + 1) & 0xffffffffL) * 1.0 / cells) * latitudeScale);
    }

    /** The point a score stands for: the centre of its cell, clamped to the valid ranges. */
    static double[] position(double score) {
        Area area = decode(new Cell((long) score, MAX_STEP));
        double longitude = Math.max(LONGITUDE_MIN,
                Math.min(LONGITUDE_MAX, (area.longitudeMin() + area.longitudeMax()) / 2));
        double latitude = Math.max(LATITUDE_MIN, Math.min(LATITUDE_MAX, (area.latitudeMin() + area.latitudeMax()) / 2));
        return new double[] {longitude, latitude};
    }

    /** C's conversion of a non-negative double to uint32_t: truncation, modulo 2^32. */
    private static long toUint32(double value) {
        return (long) value & 0xffffffffL;
    }

    /** Spreads the 32 bits of {@code even} over the even bits of the result and {@code odd} over the odd ones. */
    private static long interleave(long even, long odd) {
        long result = 0;
        for (int i = 0; i < 32; i++) {
            result |= ((even >>> i) & 1L) << (2 * i);
            result |= ((odd >>> i) & 1L) << (2 * i + 1);
        }
        return result;
    }

    /** The inverse of {@link #interleave}: even bits in the low half, odd bits in the high half. */
    private static long deinterleave(long bits) {
        long even = 0;
        long odd = 0;
        for (int i = 0; i < 32; i++) {
            even |= ((bits >>> (2 * i)) & 1L) << i;
            odd |= ((bits >>> (2 * i + 1)) & 1L) << i;
        }
        return even | (odd << 32);
    }
}
