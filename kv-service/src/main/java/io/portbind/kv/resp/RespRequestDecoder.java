package io.portbind.kv.resp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.ByteProcessor;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Decodes client requests into {@code byte[][]} argument vectors: RESP arrays of bulk strings, and
 * inline commands (a line of words, as typed into nc or telnet). Works on any split of the input and
 * any number of requests per read. Every length is checked against Redis's limits before anything
 * is allocated for it; a violation emits a {@link ProtocolError} and ignores the rest of the input.
 */
public final class RespRequestDecoder extends ByteToMessageDecoder {

    /** Longest inline command, and longest count or length line (PROTO_INLINE_MAX_SIZE). */
    static final int MAX_INLINE = 64 * 1024;
    /** Largest bulk argument (proto-max-bulk-len). */
    public static final long MAX_BULK = 512L * 1024 * 1024;
    /** Before authentication a client may send only small requests, as in Redis. */
    static final int MAX_UNAUTHENTICATED_ARGS = 10;
    static final int MAX_UNAUTHENTICATED_BULK = 16 * 1024;
    /** Argument arrays start at most this big and grow as arguments actually arrive. */
    private static final int INITIAL_ARGS = 1024;

    private static final long NO_LINE = Long.MIN_VALUE;

    private enum State { START, INLINE, ARG_COUNT, BULK_LENGTH, BULK_DATA, FAILED }

    private final BooleanSupplier authenticationRequired;
    /** A count or length line: its prefix, the longest number, CR and LF. */
    private final byte[] line = new byte[1 + Numbers.MAX_LONG_CHARS + 2];
    private State state = State.START;
    private byte[][] args;
    private int argc;
    private long remainingArgs;
    private int bulkLength;

    /** @param authenticationRequired whether the client still has to AUTH (tightens the limits) */
    public RespRequestDecoder(BooleanSupplier authenticationRequired) {
        this.authenticationRequired = authenticationRequired;
    }

    /**
     * Steps through states until one request is complete or the input runs out, rather than returning to
     * {@link ByteToMessageDecoder} after every line: a request of n arguments is one call, not 2n + 1.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (out.isEmpty() && state != State.FAILED && in.isReadable()) {
            State before = state;
            int readerIndex = in.readerIndex();
            step(in, out);
            if (state == before && in.readerIndex() == readerIndex) {
                return; // waiting for more input
            }
        }
    }

    private void step(ByteBuf in, List<Object> out) {
        switch (state) {
            case START -> state = in.getByte(in.readerIndex()) == '*' ? State.ARG_COUNT : State.INLINE;
            case INLINE -> decodeInline(in, out);
            case ARG_COUNT -> decodeArgCount(in, out);
            case BULK_LENGTH -> decodeBulkLength(in, out);
            case BULK_DATA -> decodeBulkData(in, out);
            case FAILED -> in.skipBytes(in.readableBytes());
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void decodeInline(ByteBuf in, List<Object> out) {
        int lf = in.forEachByte(ByteProcessor.FIND_LF);
        if (lf < 0) {
            if (in.readableBytes() > MAX_INLINE) {
                fail(in, out, "too big inline request");
            }
            return;
        }
        int end = lf > in.readerIndex() && in.getByte(lf - 1) == '\r' ? lf - 1 : lf;
        byte[] line = new byte[end - in.readerIndex()];
        in.readBytes(line);
        in.readerIndex(lf + 1);
        byte[][] words = InlineCommandParser.split(line);
        if (words == null) {
            fail(in, out, "unbalanced quotes in request");
            return;
        }
        if (words.length > 0) {
            out.add(words);
        }
        state = State.START;
    }

    private void decodeArgCount(ByteBuf in, List<Object> out) {
        long count = readNumberLine(in, out, 1, "too big mbulk count string", "invalid multibulk length");
        if (count == NO_LINE) {
            return;
        }
        if (count > Integer.MAX_VALUE) {
            fail(in, out, "invalid multibulk length");
        } else if (count > MAX_UNAUTHENTICATED_ARGS && authenticationRequired.getAsBoolean()) {
            fail(in, out, "unauthenticated multibulk length");
        } else if (count <= 0) {
            state = State.START;
        } else {
            args = new byte[(int) Math.min(count, INITIAL_ARGS)][];
            argc = 0;
            remainingArgs = count;
            state = State.BULK_LENGTH;
        }
    }

    private void decodeBulkLength(ByteBuf in, List<Object> out) {
        long length = readNumberLine(in, out, 1, "too big bulk count string", "invalid bulk length");
        if (length == NO_LINE) {
            return;
        }
        if (length < 0 || length > MAX_BULK) {
            fail(in, out, "invalid bulk length");
        } else if (length > MAX_UNAUTHENTICATED_BULK && authenticationRequired.getAsBoolean()) {
            fail(in, out, "unauthenticated bulk length");
        } else {
            bulkLength = (int) length;
            state = State.BULK_DATA;
        }
    }

    private void decodeBulkData(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < bulkLength + 2L) {
            return;
        }
        byte[] arg = new byte[bulkLength];
        in.readBytes(arg);
        in.skipBytes(2);
        if (argc == args.length) {
            args = Arrays.copyOf(args, (int) Math.min((long) args.length * 2, argc + remainingArgs));
        }
        args[argc++] = arg;
        if (--remainingArgs > 0) {
            state = State.BULK_LENGTH;
            return;
        }
        out.add(argc == args.length ? args : Arrays.copyOf(args, argc));
        args = null;
        state = State.START;
    }

    /**
     * Reads a {@code <prefix><digits>\r\n} line and returns its number, or {@link #NO_LINE} when the
     * line is incomplete or broken (in which case the error has been emitted).
     */
    private long readNumberLine(ByteBuf in, List<Object> out, int prefixLength, String tooLong, String invalid) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        // A well-formed line fits the window: one bounds-checked copy, then a plain array scan.
        int window = Math.min(readable, line.length);
        in.getBytes(start, line, 0, window);
        int cr = 0; // Redis looks for the CR from the prefix on, so a CR in the prefix's place ends the line there
        while (cr < window && line[cr] != '\r') {
            cr++;
        }
        if (cr == window) {
            if (window < readable && in.forEachByte(start + window, readable - window, ByteProcessor.FIND_CR) >= 0) {
                fail(in, out, invalid); // a complete line too long to be a number
            } else if (readable > MAX_INLINE) {
                fail(in, out, tooLong);
            }
            return NO_LINE;
        }
        if (cr + 1 >= readable) {
            return NO_LINE;
        }
        if (state == State.BULK_LENGTH && line[0] != '$') {
            fail(in, out, "expected '$', got '" + (char) (line[0] & 0xff) + "'");
            return NO_LINE;
        }
        in.readerIndex(start + cr + 2);
        try {
            return Numbers.parseLong(line, prefixLength, cr);
        } catch (CommandError notANumber) {
            fail(in, out, invalid);
            return NO_LINE;
        }
    }

    private void fail(ByteBuf in, List<Object> out, String reason) {
        out.add(new ProtocolError(reason));
        args = null;
        state = State.FAILED;
        in.skipBytes(in.readableBytes());
    }
}
