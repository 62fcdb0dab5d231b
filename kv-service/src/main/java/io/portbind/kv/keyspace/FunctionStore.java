package io.portbind.kv.keyspace;

import java.util.List;

/**
 * The server's function libraries as the data files carry them beside the keys (the RDB's FUNCTION2 entries, the
 * AOF base): the code of each library. The scripting feature sets it on the {@link Keyspace}; used under the lock.
 */
public interface FunctionStore {

    /** No libraries, and none can be loaded. */
    FunctionStore NONE = new FunctionStore() {
        @Override
        public List<byte[]> codes() {
            return List.of();
        }

        @Override
        public void load(byte[] code) {
            throw new IllegalArgumentException("this server has no functions");
        }
    };

    /** The code of every library, in load order. */
    List<byte[]> codes();

    /**
     * Loads one library from a file, as FUNCTION LOAD would without REPLACE.
     *
     * @throws IllegalArgumentException with the reason, when the code does not load
     */
    void load(byte[] code);
}
