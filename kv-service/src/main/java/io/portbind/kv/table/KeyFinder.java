package io.portbind.kv.table;

/**
 * Where the keys of a command with movable keys are (ZUNIONSTORE, LMPOP, SINTERCARD: a numkeys
 * argument says how many). Commands with fixed positions declare first/last/step instead.
 */
@FunctionalInterface
public interface KeyFinder {

    /** Positions in {@code args} (0 = command name) that hold keys; empty when the arguments are invalid. */
    int[] keyPositions(byte[][] args);
}
