package io.portbind.kv.keys;

/** What a SCAN-family command walks, as Redis's scanGenericCommand tells by whether it was given an object. */
enum ScanScope {
    /** The keys of the selected database (SCAN): the TYPE option is accepted. */
    KEYSPACE,
    /** The elements of the one value at a key (SSCAN, HSCAN, ZSCAN): TYPE is a syntax error. */
    ONE_VALUE
}
