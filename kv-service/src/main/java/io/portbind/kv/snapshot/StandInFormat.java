package io.portbind.kv.snapshot;

import io.portbind.kv.hashes.HashValue;
import io.portbind.kv.keyspace.Keyspace;
import io.portbind.kv.keyspace.KeyspaceView;
import io.portbind.kv.keyspace.ValueType;
import io.portbind.kv.lists.ListValue;
import io.portbind.kv.resp.RespRequestDecoder;
import io.portbind.kv.sets.SetValue;
import io.portbind.kv.zsets.ScoreSkipList.Node;
import io.portbind.kv.zsets.SortedSetValue;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A plain binary snapshot format that stands in for RDB until the {@code io.portbind.kv.rdb} codec is merged, so
 * SAVE, BGSAVE and start-up are whole and testable today. It is not RDB: the file starts with {@code PBSNAP01}
 * (a Redis file starts with {@code REDIS}), so neither is ever taken for the other. After the magic, per database
 * that has keys: {@code 0xFE}, the database number; per key: the type, the expiry time, the key and the value,
 * every length a 4-byte count bounded before anything is allocated; {@code 0xFF} ends the file.
 */
public final class StandInFormat implements SnapshotFormat {

    private static final byte[] MAGIC = "PBSNAP01".getBytes(StandardCharsets.US_ASCII);
    private static final int SELECT_DB = 0xFE;
    private static final int END = 0xFF;

    @Override
    public void write(KeyspaceView view, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.write(MAGIC);
        for (int db = 0; db < Keyspace.DATABASES; db++) {
            if (view.size(db) == 0) {
                continue;
            }
            out.write(SELECT_DB);
            out.writeInt(db);
            view.forEach(db, (key, value, expireAt) -> {
                out.write(ValueType.of(value).ordinal());
                out.writeLong(expireAt);
                bytes(out, key);
                writeValue(out, value);
            });
        }
        out.write(END);
        out.flush();
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        try {
            if (value instanceof byte[] string) {
                bytes(out, string);
            } else if (value instanceof ListValue list) {
                out.writeInt(list.size());
                for (int i = 0; i < list.size(); i++) {
                    bytes(out, list.get(i));
                }
            } else if (value instanceof HashValue hash) {
                out.writeInt(hash.size());
                hash.forEach((field, fieldValue) -> {
                    bytes(out, field);
                    bytes(out, fieldValue);
                });
            } else if (value instanceof SetValue set) {
                out.writeInt(set.size());
                set.forEach(member -> bytes(out, member));
            } else {
                SortedSetValue zset = (SortedSetValue) value;
                out.writeInt(zset.size());
                for (Node node = zset.first(); node != null; node = node.next()) {
                    bytes(out, node.member());
                    out.writeDouble(node.score());
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void bytes(DataOutputStream out, byte[] bytes) {
        try {
            out.writeInt(bytes.length);
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void read(InputStream stream, String fileName, LoadTarget target) throws IOException {
        Input in = new Input(stream, fileName);
        try {
            readAll(in, target);
        } catch (EOFException e) {
            throw in.corrupt(in.offset, "unexpected end of file");
        }
    }

    private static void readAll(Input in, LoadTarget target) throws IOException {
        byte[] magic = in.bytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw in.corrupt(0, "not a kv-service snapshot (no PBSNAP01 signature)");
        }
        int db = 0;
        while (true) {
            long at = in.offset;
            int op = in.unsignedByte();
            if (op == END) {
                return;
            }
            if (op == SELECT_DB) {
                db = in.count(Keyspace.DATABASES - 1);
                continue;
            }
            if (op >= ValueType.values().length) {
                throw in.corrupt(at, "unknown value type " + op);
            }
            long expireAt = in.data.readLong();
            in.offset += Long.BYTES;
            byte[] key = in.string();
            target.add(db, key, readValue(in, ValueType.values()[op]), expireAt);
        }
    }

    private static Object readValue(Input in, ValueType type) throws IOException {
        switch (type) {
            case STRING:
                return in.string();
            case LIST: {
                ListValue list = new ListValue();
                for (int n = in.count(Integer.MAX_VALUE); n > 0; n--) {
                    list.addLast(in.string());
                }
                return list;
            }
            case HASH: {
                HashValue hash = new HashValue();
                for (int n = in.count(Integer.MAX_VALUE); n > 0; n--) {
                    hash.put(in.string(), in.string());
                }
                return hash;
            }
            case SET: {
                SetValue set = new SetValue();
                for (int n = in.count(Integer.MAX_VALUE); n > 0; n--) {
                    set.add(in.string());
                }
                return set;
            }
            default: {
                SortedSetValue zset = new SortedSetValue();
                for (int n = in.count(Integer.MAX_VALUE); n > 0; n--) {
                    byte[] member = in.string();
                    in.offset += Double.BYTES;
                    zset.put(member, in.data.readDouble());
                }
                return zset;
            }
        }
    }

    /** The input with the offset of the next byte, for errors that say where the file went wrong. */
    private static final class Input {
        private final DataInputStream data;
        private final String fileName;
        private long offset;

        Input(InputStream stream, String fileName) {
            this.data = new DataInputStream(stream);
            this.fileName = fileName;
        }

        int unsignedByte() throws IOException {
            int value = data.read();
            if (value < 0) {
                throw corrupt(offset, "unexpected end of file");
            }
            offset++;
            return value;
        }

        /** A 4-byte count from 0 to {@code max}. */
        int count(int max) throws IOException {
            long at = offset;
            int value = data.readInt();
            offset += Integer.BYTES;
            if (value < 0 || value > max) {
                throw corrupt(at, "count " + value + " out of range");
            }
            return value;
        }

        byte[] string() throws IOException {
            return bytes(count((int) RespRequestDecoder.MAX_BULK));
        }

        byte[] bytes(int length) throws IOException {
            byte[] bytes = new byte[length];
            data.readFully(bytes);
            offset += length;
            return bytes;
        }

        IOException corrupt(long at, String problem) {
            return new IOException(fileName + ": bad data at offset " + at + ": " + problem);
        }
    }
}
