package io.portbind.kv.keyspace;

/** Receives the keys {@link Database#sample} picks, each with its access stamp and expiry time. */
@FunctionalInterface
public interface KeySampler {

    /** @param expireTime the key's expiry in Unix milliseconds, or {@link Database#NO_EXPIRY} */
    void sample(byte[] key, int stamp, long expireTime);
}
