package io.portbind.kv.geo;

/** Redis 7.0's great-circle distance: the haversine formula on a sphere of Redis's earth radius. */
final class Distance {

    /** The radius Redis uses, in meters (a quadratic mean radius of WGS-84). */
    static final double EARTH_RADIUS = 6372797.560856;

    private static final double RADIANS_PER_DEGREE = Math.PI / 180.0;

    private Distance() {
    }

    /** Meters between two points, each as longitude then latitude in degrees. */
    static double between(double longitude1, double latitude1, double longitude2, double latitude2) {
        double lat1 = latitude1 * RADIANS_PER_DEGREE;
        double lon1 = longitude1 * RADIANS_PER_DEGREE;
        double lat2 = latitude2 * RADIANS_PER_DEGREE;
        double lon2 = longitude2 * RADIANS_PER_DEGREE;
        double u = Math.sin((lat2 - lat1) / 2);
        double v = Math.sin((lon2 - lon1) / 2);
        return 2.0 * EARTH_RADIUS * Math.asin(Math.sqrt(u * u + Math.cos(lat1) * Math.cos(lat2) * v * v));
    }

    static double toDegrees(double radians) {
        return radians / RADIANS_PER_DEGREE;
    }

    static double toRadians(double degrees) {
        return degrees * RADIANS_PER_DEGREE;
    }
}
