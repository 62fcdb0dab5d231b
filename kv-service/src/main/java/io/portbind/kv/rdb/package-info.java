/**
 * Redis 7.0's RDB format, version 10, and the DUMP/RESTORE commands built on it.
 *
 * <ul>
 *   <li>{@link io.portbind.kv.rdb.RdbWriter#write} writes a whole file from a {@code KeyspaceView} (SAVE, BGSAVE,
 *       an AOF base file with {@link io.portbind.kv.rdb.RdbPurpose#AOF_BASE}).</li>
 *   <li>{@link io.portbind.kv.rdb.RdbReader#read} reads a whole file into an {@link io.portbind.kv.rdb.RdbSink};
 *       anything wrong is an {@link io.portbind.kv.rdb.RdbFormatException} naming file and offset.</li>
 *   <li>{@link io.portbind.kv.rdb.DumpPayload} is one value's serialization, which DUMP returns and RESTORE
 *       takes.</li>
 * </ul>
 *
 * Value encodings are chosen as redis-server 7.0 chooses them, so the bytes match where Redis's are deterministic;
 * the blobs inside (listpack, intset, ziplist, zipmap) and LZF have one small class each.
 */
package io.portbind.kv.rdb;
