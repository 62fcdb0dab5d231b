package io.portbind.kv.zsets;

/** Whether a reply of sorted-set members carries their scores, as the WITHSCORES option asks. */
enum WithScores {
    /** Members alone, one bulk string each. */
    NO,
    /** Each member with its score: flat pairs in RESP2, [member, score] arrays in RESP3. */
    YES
}
