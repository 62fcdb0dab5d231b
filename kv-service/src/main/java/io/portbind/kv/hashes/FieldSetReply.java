package io.portbind.kv.hashes;

/** What HSET and HMSET, one routine, reply once the fields are set. */
enum FieldSetReply {
    /** The number of fields that were new (HSET). */
    ADDED_COUNT,
    /** A plain OK (the deprecated HMSET). */
    OK
}
