package io.portbind.kv.aof;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.Database;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.streams.StreamValue;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the commands that rebuild a {@link KeyspaceView}, as Redis 7.0's {@code rewriteAppendOnlyFileRio} does
 * for a base of type {@code .aof}: per database with keys a {@code SELECT}, then per key {@code SET},
 * {@code RPUSH}, {@code SADD}, {@code ZADD} or {@code HMSET} of at most 64 items each
 * ({@code AOF_REWRITE_ITEMS_PER_CMD}), a stream's commands ({@link StreamRewrite}), and {@code PEXPIREAT} for a key with a TTL.
 */
final class RewriteWriter {

    /** Redis's {@code AOF_REWRITE_ITEMS_PER_CMD}. */
    static final int ITEMS_PER_COMMAND = 64;

    private static final byte[] SELECT = ascii("SELECT");
    private static final byte[] FUNCTION = ascii("FUNCTION");
    private static final byte[] LOAD = ascii("LOAD");
    private static final byte[] SET = ascii("SET");
    private static final byte[] RPUSH = ascii("RPUSH");
    private static final byte[] SADD = ascii("SADD");
    private static final byte[] ZADD = ascii("ZADD");
    private static final byte[] HMSET = ascii("HMSET");
    private static final byte[] PEXPIREAT = ascii("PEXPIREAT");
    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17);

    private final CommandEncoder out;

    RewriteWriter(OutputStream out) {
        this.out = new CommandEncoder(out);
    }

    /** Writes each function library of {@code view} as FUNCTION LOAD (as Redis's rewriteFunctions), then the data. */
    void write(KeyspaceView view) throws IOException {
        for (byte[] code : view.functionCodes()) {
            out.command(FUNCTION, LOAD, code);
        }
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            if (view.size(db) == 0) {
                continue;
            }
            out.command(SELECT, Long.toString(db).getBytes(StandardCharsets.US_ASCII));
            view.forEach(db, this::key);
        }
        out.flush();
    }

    private void key(byte[] key, Object value, long expireAtMillis) throws IOException {
        if (value instanceof byte[] string) {
            out.command(SET, key, string);
        } else if (value instanceof ListValue list) {
            List<byte[]> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(list.get(i));
            }
            batches(RPUSH, key, items, 1);
        } else if (value instanceof SetValue set) {
            List<byte[]> items = new ArrayList<>(set.size());
            set.forEach(items::add);
            batches(SADD, key, items, 1);
        } else if (value instanceof SortedSetValue zset) {
            List<byte[]> items = new ArrayList<>(zset.size() * 2);
            for (Node node = zset.first(); node != null; node = node.next()) {
                items.add(formatDouble(node.score()));
                items.add(node.member());
            }
            batches(ZADD, key, items, 2);
        } else if (value instanceof HashValue hash) {
            List<byte[]> items = new ArrayList<>(hash.size() * 2);
            hash.forEach((field, fieldValue) -> {
                items.add(field);
                items.add(fieldValue);
            });
            batches(HMSET, key, items, 2);
        } else if (value instanceof StreamValue stream) {
            StreamRewrite.write(out, key, stream);
        } else {
            throw new IOException("cannot rewrite a value of type " + value.getClass().getSimpleName());
        }
        if (expireAtMillis != Database.NO_EXPIRY) {
            out.command(PEXPIREAT, key, Long.toString(expireAtMillis).getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** {@code verb key item ...} with at most 64 entries of {@code width} items per command. */
    private void batches(byte[] verb, byte[] key, List<byte[]> items, int width) throws IOException {
        int perCommand = ITEMS_PER_COMMAND * width;
        for (int from = 0; from < items.size(); from += perCommand) {
            int to = Math.min(items.size(), from + perCommand);
            out.header(2 + to - from);
            out.bulk(verb);
            out.bulk(key);
            for (int i = from; i < to; i++) {
                out.bulk(items.get(i));
            }
        }
    }

    /** C's {@code %.17g}, as Redis's {@code rioWriteBulkDouble} writes a score. */
    static byte[] formatDouble(double value) {
        if (Double.isNaN(value)) {
            return ascii("nan");
        }
        if (Double.isInfinite(value)) {
            return ascii(value > 0 ? "inf" : "-inf");
        }
        if (value == 0) {
            return ascii(1 / value < 0 ? "-0" : "0");
        }
        BigDecimal rounded = new BigDecimal(value).round(SEVENTEEN_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 17) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return ascii(digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude);
        }
        return ascii(rounded.stripTrailingZeros().toPlainString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
