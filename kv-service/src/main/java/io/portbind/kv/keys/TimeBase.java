package io.portbind.kv.keys;

/** What a time argument or reply counts from, as the {@code basetime} of Redis's expireGenericCommand. */
public enum TimeBase {
    /** Relative to the current time: EX, PX, EXPIRE, PEXPIRE, SETEX, and the remaining time of TTL and PTTL. */
    NOW,
    /** A Unix timestamp: EXAT, PXAT, EXPIREAT, PEXPIREAT, and the replies of EXPIRETIME and PEXPIRETIME. */
    UNIX_EPOCH
}
