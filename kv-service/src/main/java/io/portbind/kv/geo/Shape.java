package io.portbind.kv.geo;

/**
 * What a search covers: a circle of {@code radius} or a box of {@code width} by {@code height}, in the unit
 * whose size in meters is {@code metersPerUnit}, around the point {@code longitude}, {@code latitude}.
 */
record Shape(double longitude, double latitude, boolean circle, double radius, double width, double height,
             double metersPerUnit) {

    static Shape circle(double longitude, double latitude, double radius, double metersPerUnit) {
        return new Shape(longitude, latitude, true, radius, 0, 0, metersPerUnit);
    }

    static Shape box(double longitude, double latitude, double width, double height, double metersPerUnit) {
        return new Shape(longitude, latitude, false, 0, width, height, metersPerUnit);
    }

    Shape at(double newLongitude, double newLatitude) {
        return new Shape(newLongitude, newLatitude, circle, radius, width, height, metersPerUnit);
    }

    /** The distance from the centre to the farthest point of the shape, in meters (a box: its corner). */
    double reachMeters() {
        double reach = circle ? radius : Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2));
        return reach * metersPerUnit;
    }

    /**
     * The distance in meters to a point inside the shape, or -1 outside it. A box is tested along the meridian
     * and the parallel through the point, as Redis 7.0 does.
     */
    double distanceIfInside(double pointLongitude, double pointLatitude) {
        if (circle) {
            double distance = Distance.between(longitude, latitude, pointLongitude, pointLatitude);
            return distance > radius * metersPerUnit ? -1 : distance;
        }
        double alongParallel = Distance.between(pointLongitude, pointLatitude, longitude, pointLatitude);
        double alongMeridian = Distance.between(pointLongitude, pointLatitude, pointLongitude, latitude);
        if (alongParallel > width * metersPerUnit / 2 || alongMeridian > height * metersPerUnit / 2) {
            return -1;
        }
        return Distance.between(longitude, latitude, pointLongitude, pointLatitude);
    }

    /**
     * The bounding box {min longitude, min latitude, max longitude, max latitude}: longitudes widen towards the
     * pole, so the edge nearer the pole bounds them.
     */
    double[] bounds() {
        double halfHeight = metersPerUnit * (circle ? radius : height / 2);
        double halfWidth = metersPerUnit * (circle ? radius : width / 2);
        double latitudeDelta = Distance.toDegrees(halfHeight / Distance.EARTH_RADIUS);
        double longitudeDeltaTop = Distance.toDegrees(
                halfWidth / Distance.EARTH_RADIUS / Math.cos(Distance.toRadians(latitude + latitudeDelta)));
        double longitudeDeltaBottom = Distance.toDegrees(
                halfWidth / Distance.EARTH_RADIUS / Math.cos(Distance.toRadians(latitude - latitudeDelta)));
        double longitudeDelta = latitude < 0 ? longitudeDeltaBottom : longitudeDeltaTop;
        return new double[] {longitude - longitudeDelta, latitude - latitudeDelta,
                             longitude + longitudeDelta, latitude + latitudeDelta};
    }
}
