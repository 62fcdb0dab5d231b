package io.portbind.kv.lists;

/** When a push may create its list: LPUSH and RPUSH always, LPUSHX and RPUSHX only onto an existing one. */
enum PushCondition {
    /** Pushes onto the list, creating it when the key does not exist (LPUSH, RPUSH). */
    ALWAYS,
    /** Pushes only when the key already holds a list, replying 0 otherwise (LPUSHX, RPUSHX). */
    ONLY_IF_EXISTS
}
