package io.portbind.kv.table;

import io.portbind.kv.resp.Numbers;
import java.nio.charset.StandardCharsets;

/**
 * The command words Redis 7.0 propagates effects as, spelled as it writes them to the AOF ({@code shared.del},
 * {@code shared.pxat}, ...), for bodies that call {@link Call#propagateAs} or {@link Call#alsoPropagate}.
 */
public final class Effects {

    public static final byte[] DEL = ascii("DEL");
    public static final byte[] SET = ascii("SET");
    public static final byte[] PXAT = ascii("PXAT");
    public static final byte[] KEEPTTL = ascii("KEEPTTL");
    public static final byte[] PEXPIREAT = ascii("PEXPIREAT");
    public static final byte[] PERSIST = ascii("PERSIST");
    public static final byte[] HSET = ascii("HSET");
    public static final byte[] SREM = ascii("SREM");
    public static final byte[] LPOP = ascii("LPOP");
    public static final byte[] RPOP = ascii("RPOP");
    public static final byte[] LMOVE = ascii("LMOVE");
    public static final byte[] RPOPLPUSH = ascii("RPOPLPUSH");
    public static final byte[] ZPOPMIN = ascii("ZPOPMIN");
    public static final byte[] ZPOPMAX = ascii("ZPOPMAX");

    private Effects() {
    }

    /** {@code value} as Redis writes an integer argument. */
    public static byte[] number(long value) {
        return Numbers.toBytes(value);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
