package io.portbind.kv.hyperloglog;

/**
 * The cardinality estimate Redis 7.0 computes from a histogram of register values: Otmar Ertl's improved raw
 * estimator ("New cardinality estimation algorithms for HyperLogLog sketches", arXiv:1702.01284), with the same
 * floating-point steps in the same order, so that the rounded result is Redis's.
 */
final class Estimator {

    private static final double ALPHA_INF = 0.721347520444481703680; // 0.5 / ln(2)

    private Estimator() {
    }

    /** @param histogram histogram[v] is the number of registers holding v, for v in 0..63 */
    static long estimate(int[] histogram) {
        double m = Registers.COUNT;
        double z = m * tau((m - histogram[Registers.Q + 1]) / m);
        for (int j = Registers.Q; j >= 1; --j) {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * sigma(histogram[0] / m);
        return Math.round(ALPHA_INF * m * m / z);
    }

    private static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double previous;
        double y = 1;
        double z = x;
        do {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (previous != z);
        return z;
    }

    private static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double previous;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            previous = z;
            y *= 0.5;
            double complement = 1 - x;
            z -= complement * complement * y;
        } while (previous != z);
        return z / 3;
    }
}
