package io.portbind.kv.table;

/**
 * What the dispatcher and INFO ask about memory: whether commands that may grow it must be refused now, after
 * freeing what the policy allows (Redis's {@code performEvictions} in {@code processCommand}), and the limit as
 * configured. The eviction feature provides it; {@link #NONE} never refuses.
 */
public interface MemoryLimit {

    /** No limit, no eviction. */
    MemoryLimit NONE = new MemoryLimit() {
        @Override
        public boolean outOfMemory() {
            return false;
        }

        @Override
        public long maxmemory() {
            return 0;
        }

        @Override
        public String policyName() {
            return "noeviction";
        }
    };

    /**
     * Evicts keys as the policy says until memory is under the limit, and tells whether it is still over (or the
     * heap nearly exhausted), so that commands flagged {@code DENYOOM} get the OOM error. Called before the command
     * takes the lock, which the connection may already hold for its read; it takes the lock itself.
     */
    boolean outOfMemory();

    /** {@code maxmemory} in bytes, unsigned, 0 for none. */
    long maxmemory();

    /** {@code maxmemory-policy}, as CONFIG GET names it. */
    String policyName();
}
