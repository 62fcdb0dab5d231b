package io.portbind.kv.hyperloglog;

import io.portbind.kv.resp.CommandError;
import io.portbind.kv.table.Call;
import java.util.SplittableRandom;

/**
 * PFSELFTEST: Redis's self test of the implementation, OK or a {@code TESTFAILED} error. It checks the dense
 * register packing with random values, then adds 1 to 10,000,000 (as 8-byte little-endian integers) to a dense
 * and a sparse HLL, and at each power of ten requires both to give the same count within six standard errors
 * (within 1 at 10), and the sparse one to stay sparse while small. Like Redis's, it runs for a while (seconds).
 */
final class SelfTest {

    private static final int ELEMENTS = 10_000_000;
    private static final long SPARSE_MAX_BYTES = 3000;

    private SelfTest() {
    }

    static void run(Call call) {
        registers();
        approximation();
        call.reply().ok();
    }

    private static void registers() {
        byte[] dense = new byte[Registers.DENSE_BYTES];
        int[] expected = new int[Registers.COUNT];
        SplittableRandom random = new SplittableRandom();
        for (int round = 0; round < 1000; round++) {
            for (int i = 0; i < Registers.COUNT; i++) {
                expected[i] = random.nextInt(Registers.MAX_VALUE + 1);
                Registers.set(dense, 0, i, expected[i]);
            }
            for (int i = 0; i < Registers.COUNT; i++) {
                if (Registers.get(dense, 0, i) != expected[i]) {
                    throw new CommandError("TESTFAILED Register error at " + i);
                }
            }
        }
    }

    private static void approximation() {
        HyperLogLog dense = HyperLogLog.empty();
        dense.toDense();
        HyperLogLog sparse = HyperLogLog.empty();
        double relativeError = 1.04 / Math.sqrt(Registers.COUNT);
        byte[] element = new byte[Long.BYTES];
        long checkpoint = 1;
        for (long j = 1; j <= ELEMENTS; j++) {
            for (int b = 0; b < Long.BYTES; b++) {
                element[b] = (byte) (j >>> (8 * b));
            }
            dense.add(element, SPARSE_MAX_BYTES);
            sparse.add(element, SPARSE_MAX_BYTES);
            if (j != checkpoint) {
                continue;
            }
            long denseCount = Estimator.estimate(dense.histogram());
            long sparseCount = Estimator.estimate(sparse.histogram());
            if (denseCount != sparseCount) {
                throw new CommandError("TESTFAILED sparse and dense HLL give different cardinality: " + denseCount
                        + " vs " + sparseCount);
            }
            if (j < SPARSE_MAX_BYTES / 2 && sparse.isDense()) {
                throw new CommandError("TESTFAILED sparse encoding not used");
            }
            double maxError = j == 10 ? 1 : relativeError * 6 * checkpoint;
            double error = Math.abs(checkpoint - (double) denseCount);
            if (error > maxError) {
                throw new CommandError("TESTFAILED Too big error. card:" + denseCount + " abserr:" + error);
            }
            checkpoint *= 10;
        }
    }
}
