package io.portbind.kv.aof;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes commands as the AOF holds them: RESP arrays of bulk strings ({@code catAppendOnlyGenericCommand}). */
final class CommandEncoder {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;

    CommandEncoder(OutputStream out) {
        this.out = out;
    }

    void command(byte[]... argv) throws IOException {
        header(argv.length);
        for (byte[] arg : argv) {
            bulk(arg);
        }
    }

    /** {@code *<count>\r\n}. */
    void header(int count) throws IOException {
        out.write('*');
        out.write(Long.toString(count).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
    }

    /** {@code $<length>\r\n<bytes>\r\n}. */
    void bulk(byte[] arg) throws IOException {
        out.write('$');
        out.write(Long.toString(arg.length).getBytes(StandardCharsets.US_ASCII));
        out.write(CRLF);
        out.write(arg);
        out.write(CRLF);
    }

    void flush() throws IOException {
        out.flush();
    }
}
