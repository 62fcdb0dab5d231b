package io.portbind.kv.rdb;

/** The numbers of Redis 7.0's RDB format (version 10): value types, opcodes and special encodings (rdb.h). */
final class Rdb {

    /** The version we write, and the newest we read. */
    static final int VERSION = 10;

    // Value types: the byte before a key, and the first byte of a DUMP payload.
    static final int TYPE_STRING = 0;
    static final int TYPE_LIST = 1;
    static final int TYPE_SET = 2;
    static final int TYPE_ZSET = 3;
    static final int TYPE_HASH = 4;
    /** Sorted set with binary double scores. */
    static final int TYPE_ZSET_2 = 5;
    static final int TYPE_MODULE_PRE_GA = 6;
    static final int TYPE_MODULE_2 = 7;
    static final int TYPE_HASH_ZIPMAP = 9;
    static final int TYPE_LIST_ZIPLIST = 10;
    static final int TYPE_SET_INTSET = 11;
    static final int TYPE_ZSET_ZIPLIST = 12;
    static final int TYPE_HASH_ZIPLIST = 13;
    /** A quicklist of ziplists (Redis 3.2 to 6.2). */
    static final int TYPE_LIST_QUICKLIST = 14;
    static final int TYPE_STREAM_LISTPACKS = 15;
    static final int TYPE_HASH_LISTPACK = 16;
    static final int TYPE_ZSET_LISTPACK = 17;
    /** A quicklist of listpack or plain nodes (Redis 7.0). */
    static final int TYPE_LIST_QUICKLIST_2 = 18;
    static final int TYPE_STREAM_LISTPACKS_2 = 19;

    // Opcodes: bytes that stand where a value type would, announcing something else.
    static final int OPCODE_FUNCTION_2 = 245;
    static final int OPCODE_FUNCTION_PRE_GA = 246;
    static final int OPCODE_MODULE_AUX = 247;
    /** LRU idle time of the next key, in seconds. */
    static final int OPCODE_IDLE = 248;
    /** LFU frequency of the next key, one byte. */
    static final int OPCODE_FREQ = 249;
    static final int OPCODE_AUX = 250;
    static final int OPCODE_RESIZEDB = 251;
    static final int OPCODE_EXPIRETIME_MS = 252;
    static final int OPCODE_EXPIRETIME = 253;
    static final int OPCODE_SELECTDB = 254;
    static final int OPCODE_EOF = 255;

    // Lengths: the two top bits of the first byte.
    static final int LEN_6BIT = 0;
    static final int LEN_14BIT = 1;
    static final int LEN_32BIT = 0x80;
    static final int LEN_64BIT = 0x81;
    /** The top bits 11: not a length but one of the ENC_ string encodings in the low six bits. */
    static final int LEN_ENCVAL = 3;

    static final int ENC_INT8 = 0;
    static final int ENC_INT16 = 1;
    static final int ENC_INT32 = 2;
    static final int ENC_LZF = 3;

    // Quicklist 2 node containers.
    static final int QUICKLIST_NODE_PLAIN = 1;
    static final int QUICKLIST_NODE_PACKED = 2;

    /** Redis's proto-max-bulk-len: no string of ours is longer, so a longer one in a file is corruption. */
    static final int MAX_STRING = 512 * 1024 * 1024;

    private Rdb() {
    }

    /** The name Redis's rdb.c gives a value type, for errors about types we cannot hold. */
    static String typeName(int type) {
        return switch (type) {
            case TYPE_MODULE_PRE_GA, TYPE_MODULE_2 -> "module";
            case TYPE_STREAM_LISTPACKS, TYPE_STREAM_LISTPACKS_2 -> "stream";
            default -> "unknown type " + type;
        };
    }
}
