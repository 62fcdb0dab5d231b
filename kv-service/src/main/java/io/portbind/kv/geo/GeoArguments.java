package io.portbind.kv.geo;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.resp.Numbers;
import io.portbind.kv.table.Call;

/** The arguments geo commands share: a longitude,latitude pair, a unit, a radius, a box. */
final class GeoArguments {

    private static final CommandError UNIT =
            new CommandError("ERR unsupported unit provided. please use M, KM, FT, MI");
    private static final CommandError RADIUS_NOT_A_NUMBER = new CommandError("ERR need numeric radius");
    private static final CommandError NEGATIVE_RADIUS = new CommandError("ERR radius cannot be negative");
    private static final CommandError WIDTH_NOT_A_NUMBER = new CommandError("ERR need numeric width");
    private static final CommandError HEIGHT_NOT_A_NUMBER = new CommandError("ERR need numeric height");
    private static final CommandError NEGATIVE_BOX = new CommandError("ERR height or width cannot be negative");

    private GeoArguments() {
    }

    /** Arguments {@code index} and {@code index + 1} as a longitude and a latitude inside Redis's ranges. */
    static double[] point(Call call, int index) {
        double longitude = Numbers.parseDouble(call.arg(index));
        double latitude = Numbers.parseDouble(call.arg(index + 1));
        if (!GeoHash.isValid(longitude, latitude)) {
            throw new CommandError("ERR invalid longitude,latitude pair "
                    + GeoText.fixed(longitude, 6) + "," + GeoText.fixed(latitude, 6));
        }
        return new double[] {longitude, latitude};
    }

    /** A unit's size in meters: m, km, ft or mi in any case. */
    static double metersPerUnit(Call call, int index) {
        if (call.is(index, "m")) {
            return 1;
        } else if (call.is(index, "km")) {
            return 1000;
        } else if (call.is(index, "ft")) {
            return 0.3048;
        } else if (call.is(index, "mi")) {
            return 1609.34;
        }
        throw UNIT;
    }

    /** {@code radius unit} at {@code index}, around the point. */
    static Shape circle(Call call, int index, double[] centre) {
        double radius = number(call, index, RADIUS_NOT_A_NUMBER);
        if (radius < 0) {
            throw NEGATIVE_RADIUS;
        }
        return Shape.circle(centre[0], centre[1], radius, metersPerUnit(call, index + 1));
    }

    /** {@code width height unit} at {@code index}, around the point. */
    static Shape box(Call call, int index, double[] centre) {
        double width = number(call, index, WIDTH_NOT_A_NUMBER);
        double height = number(call, index + 1, HEIGHT_NOT_A_NUMBER);
        if (height < 0 || width < 0) {
            throw NEGATIVE_BOX;
        }
        return Shape.box(centre[0], centre[1], width, height, metersPerUnit(call, index + 2));
    }

    private static double number(Call call, int index, CommandError notANumber) {
        try {
            return Numbers.parseDouble(call.arg(index));
        } catch (CommandError e) {
            throw notANumber;
        }
    }
}
