package io.portbind.kv.aof;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.portbind.kv.aof.AofManifest.AofFile;
import io.portbind.kv.table.Call;
import io.portbind.kv.table.Dispatcher;
import io.portbind.kv.table.ServerState;
import io.portbind.kv.table.Session;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an AOF directory at start-up as Redis 7.0's {@code loadAppendOnlyFiles} does: the base, then each
 * incremental file, every command replayed through the real dispatcher by a loading session whose replies are
 * dropped. A last file that ends in the middle of a command (or of a MULTI block) is truncated to its last
 * complete command, with a warning ({@code aof-load-truncated yes}); anything else wrong stops start-up with one
 * line naming the file and the offset.
 */
final class AofLoader {

    private static final Logger LOG = LoggerFactory.getLogger(AofLoader.class);
    /** Redis reads AOF lines with a buffer of {@code AOF_ANNOTATION_LINE_MAX_LEN} bytes. */
    private static final int MAX_LINE = 1024;
    /** Redis's default {@code proto-max-bulk-len}: no argument in a file we accept is longer. */
    private static final long MAX_BULK = 512L * 1024 * 1024;

    /** Why start-up stops: the one line to print. */
    static final class LoadFailed extends Exception {
        LoadFailed(String message) {
            super(message);
        }
    }

    /** The file ended inside a command: where the last complete one ended. */
    private static final class Truncated extends Exception {
        private final long validUpTo;

        private Truncated(long validUpTo) {
            super(null, null, false, false);
            this.validUpTo = validUpTo;
        }
    }

    private final Path directory;
    private final Dispatcher dispatcher;
    private final RdbBase rdbBase;
    private final Call call;
    private final ByteBuf replies = Unpooled.buffer();

    private final boolean loadTruncated;

    AofLoader(Path directory, ServerState server, RdbBase rdbBase, boolean loadTruncated) {
        this.directory = directory;
        this.loadTruncated = loadTruncated;
        this.dispatcher = server.dispatcher();
        this.rdbBase = rdbBase;
        Session session = new Session(0, new EmbeddedChannel(), true, () -> { });
        session.obey();
        this.call = new Call(session, server);
    }

    /** Replays the manifest's base and incremental files in order; returns the base file's size. */
    long load(AofManifest manifest) throws LoadFailed {
        List<AofFile> files = manifest.loaded();
        for (AofFile file : files) {
            if (!Files.isRegularFile(directory.resolve(file.name()))) {
                throw new LoadFailed("the append only file " + shown(file) + " named in the manifest does not exist");
            }
        }
        long baseSize = 0;
        for (int i = 0; i < files.size(); i++) {
            AofFile file = files.get(i);
            long started = System.nanoTime();
            long size = loadFile(file, i == files.size() - 1);
            if (file == manifest.base()) {
                baseSize = size;
            }
            LOG.info("DB loaded from {} file {}: {} seconds", file == manifest.base() ? "base" : "incr", file.name(),
                    String.format("%.3f", (System.nanoTime() - started) / 1e9));
        }
        replies.release();
        return baseSize;
    }

    private long loadFile(AofFile file, boolean last) throws LoadFailed {
        Path path = directory.resolve(file.name());
        long validUpTo;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            long size = Files.size(path);
            CountingInput input = new CountingInput(in, size);
            try {
                replay(file, input);
                return size;
            } catch (Truncated truncated) {
                validUpTo = truncated.validUpTo;
            }
        } catch (IOException e) {
            throw new LoadFailed("cannot read the append only file " + shown(file) + ": " + e.getMessage());
        }
        if (!last) {
            throw new LoadFailed("the append only file " + shown(file) + " is truncated and is not the last file");
        }
        if (!loadTruncated) {
            throw new LoadFailed("unexpected end of file reading the append only file " + shown(file)
                    + " at offset " + validUpTo + ": use redis-check-aof --fix, or set aof-load-truncated yes");
        }
        LOG.warn("!!! Warning: short read while loading the AOF file {}!!!", file.name());
        LOG.warn("!!! Truncating the AOF {} at offset {} !!!", file.name(), validUpTo);
        try (RandomAccessFile truncated = new RandomAccessFile(path.toFile(), "rw")) {
            truncated.setLength(validUpTo);
        } catch (IOException e) {
            throw new LoadFailed("cannot truncate the append only file " + shown(file) + ": " + e.getMessage());
        }
        LOG.warn("AOF {} loaded anyway because aof-load-truncated is enabled", file.name());
        return validUpTo;
    }

    /** Replays one file's commands, after its RDB part if it has one (loadSingleAppendOnlyFile). */
    private void replay(AofFile file, CountingInput in) throws IOException, Truncated, LoadFailed {
        if (in.startsWith("REDIS")) {
            if (rdbBase == null) {
                throw new LoadFailed("cannot load the RDB base file " + shown(file)
                        + ": this build has no RDB loader");
            }
            try {
                in.consumed(rdbBase.load(in.unbuffered()));
            } catch (IOException e) {
                throw new LoadFailed("error reading the RDB base file " + shown(file) + ": " + e.getMessage());
            }
        }
        long validUpTo = in.offset();
        long beforeMulti = validUpTo;
        boolean inMulti = false;
        while (true) {
            long commandStart = in.offset();
            String line = in.line(MAX_LINE);
            if (line == null) {
                break;
            }
            if (in.cut()) {
                throw new Truncated(validUpTo);
            }
            if (line.startsWith("#")) {
                validUpTo = in.offset();
                continue;
            }
            if (!line.startsWith("*")) {
                throw badFormat(file, commandStart);
            }
            long argc = leadingNumber(line);
            if (argc < 1) {
                throw badFormat(file, commandStart);
            }
            byte[][] args = readArguments(file, in, argc, validUpTo);
            if (dispatcher.table().lookup(args[0]) == null) {
                throw new LoadFailed("unknown command '" + new String(args[0], StandardCharsets.ISO_8859_1)
                        + "' reading the append only file " + shown(file) + " at offset " + commandStart);
            }
            boolean multi = isWord(args[0], "multi");
            if (multi) {
                beforeMulti = validUpTo;
            }
            execute(args);
            inMulti = multi || inMulti && !isWord(args[0], "exec") && !isWord(args[0], "discard");
            validUpTo = in.offset();
        }
        if (inMulti) {
            LOG.warn("Revert incomplete MULTI/EXEC transaction in AOF file {}", file.name());
            call.session().transaction(null);
            throw new Truncated(beforeMulti);
        }
    }

    private byte[][] readArguments(AofFile file, CountingInput in, long argc, long validUpTo)
            throws IOException, Truncated, LoadFailed {
        // Every argument takes at least six bytes ($0 and two line ends): more than the file holds is a cut file.
        if (argc > in.remaining() / 6 + 1) {
            throw new Truncated(validUpTo);
        }
        byte[][] args = new byte[(int) argc][];
        for (int j = 0; j < argc; j++) {
            long at = in.offset();
            String header = in.line(MAX_LINE);
            if (header == null || in.cut()) {
                throw new Truncated(validUpTo);
            }
            if (!header.startsWith("$")) {
                throw badFormat(file, at);
            }
            long length = leadingNumber(header);
            if (length < 0 || length > MAX_BULK) {
                throw badFormat(file, at);
            }
            if (length + 2 > in.remaining()) {
                throw new Truncated(validUpTo);
            }
            args[j] = in.bytes((int) length);
            in.skip(2);
        }
        return args;
    }

    private void execute(byte[][] args) {
        replies.clear();
        call.session().reply().target(replies);
        dispatcher.dispatch(call, args);
        call.session().reply().target(null);
    }

    private LoadFailed badFormat(AofFile file, long offset) {
        return new LoadFailed("bad file format reading the append only file " + shown(file) + " at offset " + offset
                + ": make a backup of it, then use redis-check-aof --fix on the manifest");
    }

    private String shown(AofFile file) {
        return directory.resolve(file.name()).toString();
    }

    /** C's {@code atoi}/{@code strtol} on the text after the type byte: leading digits, 0 when there are none. */
    private static long leadingNumber(String line) {
        long value = 0;
        int i = 1;
        boolean negative = i < line.length() && line.charAt(i) == '-';
        if (negative || i < line.length() && line.charAt(i) == '+') {
            i++;
        }
        while (i < line.length() && Character.isDigit(line.charAt(i)) && value <= Long.MAX_VALUE / 10 - 10) {
            value = value * 10 + line.charAt(i++) - '0';
        }
        return negative ? -value : value;
    }

    private static boolean isWord(byte[] arg, String word) {
        return new String(arg, StandardCharsets.ISO_8859_1).equalsIgnoreCase(word);
    }
}
