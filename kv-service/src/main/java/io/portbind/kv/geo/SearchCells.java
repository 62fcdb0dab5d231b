package io.portbind.kv.geo;

import io.portbind.kv.geo.GeoHash.Area;
import io.portbind.kv.geo.GeoHash.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells a search scans, in Redis's order: the centre's cell and its eight neighbours (north, south, east,
 * west, north-east, north-west, south-east, south-west), at the coarsest step whose cells cover the shape, the
 * neighbours the bounding box does not reach left out, and a neighbour equal to the one before it skipped.
 */
final class SearchCells {

    private static final double MERCATOR_MAX = 20037726.37;

    private SearchCells() {
    }

    static List<Cell> of(Shape shape) {
        double[] bounds = shape.bounds();
        int step = estimateStep(shape.reachMeters(), shape.latitude());
        Cell centre = GeoHash.encode(shape.longitude(), shape.latitude(), step);
        if (step > 1 && !neighboursCover(centre, bounds)) {
            step--;
            centre = GeoHash.encode(shape.longitude(), shape.latitude(), step);
        }
        Area area = GeoHash.decode(centre);
        boolean south = true;
        boolean north = true;
        boolean west = true;
        boolean east = true;
        if (step >= 2) {
            south = area.latitudeMin() >= bounds[1];
            north = area.latitudeMax() <= bounds[3];
            west = area.longitudeMin() >= bounds[0];
            east = area.longitudeMax() <= bounds[2];
        }
        Cell[] cells = {
            centre,
            north ? centre.moved(0, 1) : Cell.NONE,
            south ? centre.moved(0, -1) : Cell.NONE,
            east ? centre.moved(1, 0) : Cell.NONE,
            west ? centre.moved(-1, 0) : Cell.NONE,
            north && east ? centre.moved(1, 1) : Cell.NONE,
            north && west ? centre.moved(-1, 1) : Cell.NONE,
            south && east ? centre.moved(1, -1) : Cell.NONE,
            south && west ? centre.moved(-1, -1) : Cell.NONE,
        };
        List<Cell> scanned = new ArrayList<>(9);
        int lastScanned = 0;
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].isNone() || lastScanned != 0 && cells[i].equals(cells[lastScanned])) {
                continue;
            }
            scanned.add(cells[i]);
            lastScanned = i;
        }
        return scanned;
    }

    /** Redis's estimate of the step whose cells are about as wide as the search radius. */
    static int estimateStep(double rangeMeters, double latitude) {
        if (rangeMeters == 0) {
            return GeoHash.MAX_STEP;
        }
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (latitude > 66 || latitude < -66) {
            step--;
            if (latitude > 80 || latitude < -80) {
                step--;
            }
        }
        return Math.max(1, Math.min(GeoHash.MAX_STEP, step));
    }

    private static boolean neighboursCover(Cell centre, double[] bounds) {
        return GeoHash.decode(centre.moved(0, 1)).latitudeMax() >= bounds[3]
                && GeoHash.decode(centre.moved(0, -1)).latitudeMin() <= bounds[1]
                && GeoHash.decode(centre.moved(1, 0)).longitudeMax() >= bounds[2]
                && GeoHash.decode(centre.moved(-1, 0)).longitudeMin() <= bounds[0];
    }
}
