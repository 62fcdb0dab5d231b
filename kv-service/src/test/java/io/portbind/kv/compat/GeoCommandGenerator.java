package io.portbind.kv.compat;

import static io.portbind.kv.compat.CommandGenerator.oneOf;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random geo commands: GEOADD of random points (some clustered, some near the poles and the antimeridian, some
 * out of range), and searches of every form around random centres and members, with random shapes, units,
 * orders, COUNT [ANY] and WITH options, so that scores, cell choice, result order and number formatting are
 * all compared with Redis on points no one chose by hand.
 */
final class GeoCommandGenerator implements CommandGenerator {

    private static final String[] UNITS = {"m", "km", "mi", "ft", "KM"};

    @Override
    public List<String> setup() {
        return List.of("FLUSHALL", "SET text hello");
    }

    @Override
    public List<String> finish() {
        return List.of("ZRANGE points 0 -1 WITHSCORES", "ZRANGE stored 0 -1 WITHSCORES");
    }

    @Override
    public String next(SplittableRandom random) {
        int choice = random.nextInt(100);
        if (choice < 30) {
            StringBuilder add = new StringBuilder("GEOADD points");
            add.append(oneOf(random, "", "", "", " NX", " XX", " CH", " XX CH"));
            for (int i = 1 + random.nextInt(6); i > 0; i--) {
                add.append(' ').append(point(random)).append(" m").append(random.nextInt(200));
            }
            return add.toString();
        }
        if (choice < 38) {
            return "GEOPOS points m" + random.nextInt(200) + " m" + random.nextInt(200);
        }
        if (choice < 44) {
            return "GEOHASH points m" + random.nextInt(200) + " m" + random.nextInt(200);
        }
        if (choice < 52) {
            return "GEODIST points m" + random.nextInt(200) + " m" + random.nextInt(200) + " "
                    + UNITS[random.nextInt(UNITS.length)];
        }
        if (choice < 75) {
            return "GEOSEARCH points " + centre(random) + " " + shape(random) + options(random);
        }
        if (choice < 82) {
            return "GEOSEARCHSTORE stored points " + centre(random) + " " + shape(random)
                    + oneOf(random, "", " STOREDIST") + oneOf(random, "", " ASC", " DESC", " COUNT 3");
        }
        if (choice < 90) {
            return oneOf(random, "GEORADIUS ", "GEORADIUS_RO ") + "points " + point(random) + " " + radius(random)
                    + options(random);
        }
        if (choice < 98) {
            return oneOf(random, "GEORADIUSBYMEMBER ", "GEORADIUSBYMEMBER_RO ") + "points m" + random.nextInt(200)
                    + " " + radius(random) + options(random);
        }
        return "GEOSEARCH " + oneOf(random, "text", "missing") + " FROMLONLAT 0 0 BYRADIUS 1 km";
    }

    /** A longitude and latitude: mostly around Europe, sometimes anywhere, near the edges, or invalid. */
    private static String point(SplittableRandom random) {
        int kind = random.nextInt(20);
        double longitude;
        double latitude;
        if (kind < 12) {
            longitude = -10 + random.nextDouble() * 40;
            latitude = 35 + random.nextDouble() * 25;
        } else if (kind < 16) {
            longitude = -180 + random.nextDouble() * 360;
            latitude = -85.05 + random.nextDouble() * 170.1;
        } else if (kind < 18) {
            longitude = oneOf(random, "-1", "1").equals("1") ? 179.9 + random.nextDouble() * 0.1
                    : -180 + random.nextDouble() * 0.1;
            latitude = (random.nextBoolean() ? 1 : -1) * (80 + random.nextDouble() * 5.05);
        } else if (kind < 19) {
            return oneOf(random, "180 85.05112878", "-180 -85.05112878", "0 0", "180.1 0", "0 85.1");
        } else {
            return oneOf(random, "abc 1", "1 inf", "-181 0");
        }
        return String.format("%.6f %.6f", longitude, latitude);
    }

    private static String centre(SplittableRandom random) {
        return random.nextInt(3) == 0 ? "FROMMEMBER m" + random.nextInt(200) : "FROMLONLAT " + point(random);
    }

    private static String shape(SplittableRandom random) {
        if (random.nextBoolean()) {
            return "BYRADIUS " + radius(random);
        }
        return "BYBOX " + distance(random) + " " + distance(random) + " " + UNITS[random.nextInt(UNITS.length)];
    }

    private static String radius(SplittableRandom random) {
        return distance(random) + " " + UNITS[random.nextInt(UNITS.length)];
    }

    private static String distance(SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> Integer.toString(random.nextInt(100));
            case 1 -> Integer.toString(random.nextInt(5000000));
            case 2 -> String.format("%.3f", random.nextDouble() * 2000);
            default -> Integer.toString(random.nextInt(3000));
        };
    }

    private static String options(SplittableRandom random) {
        StringBuilder options = new StringBuilder();
        options.append(oneOf(random, "", "", " ASC", " DESC"));
        options.append(oneOf(random, "", "", " COUNT 5", " COUNT 1 ANY", " COUNT 4 ANY"));
        options.append(oneOf(random, "", " WITHDIST", " WITHCOORD", " WITHHASH", " WITHDIST WITHCOORD WITHHASH"));
        return options.toString();
    }
}
