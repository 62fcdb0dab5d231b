package io.portbind.kv.lists;

/** One end of a list, as Redis's {@code LIST_HEAD} and {@code LIST_TAIL}: where a push adds and a pop takes. */
enum End {
    /** The first element, index 0: LEFT in LMOVE and LMPOP, the end LPUSH and LPOP work on. */
    HEAD,
    /** The last element, index -1: RIGHT in LMOVE and LMPOP, the end RPUSH and RPOP work on. */
    TAIL;

    /** The keyspace event of a push onto this end. */
    String pushEvent() {
        return this == HEAD ? "lpush" : "rpush";
    }

    /** The keyspace event of a pop from this end. */
    String popEvent() {
        return this == HEAD ? "lpop" : "rpop";
    }
}
