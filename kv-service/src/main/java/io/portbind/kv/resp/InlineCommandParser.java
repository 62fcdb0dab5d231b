package io.portbind.kv.resp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an inline command line into arguments with Redis's quoting rules (sdssplitargs): words
 * separated by white space; inside double quotes the escapes \n \r \t \b \a \xHH and \ before any
 * other character; inside single quotes only \' ; a closing quote must be followed by white space.
 */
final class InlineCommandParser {

    private InlineCommandParser() {
    }

    /** The arguments of {@code line}, or null when its quotes are unbalanced. */
    static byte[][] split(byte[] line) {
        List<byte[]> words = new ArrayList<>();
        int i = 0;
        int n = line.length;
        while (true) {
            while (i < n && isSpace(line[i])) {
                i++;
            }
            if (i >= n) {
                return words.toArray(new byte[0][]);
            }
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            int quote = 0;
            boolean done = false;
            while (!done) {
                if (quote != 0 && i >= n) {
                    return null;
                }
                if (quote == '"' && isHexEscape(line, i)) {
                    word.write(Character.digit(line[i + 2], 16) * 16 + Character.digit(line[i + 3], 16));
                    i += 3;
                } else if (quote == '"' && line[i] == '\\' && i + 1 < n) {
                    i++;
                    word.write(unescape(line[i]));
                } else if (quote == '\'' && line[i] == '\\' && i + 1 < n && line[i + 1] == '\'') {
                    i++;
                    word.write('\'');
                } else if (quote != 0 && line[i] == quote) {
                    if (i + 1 < n && !isSpace(line[i + 1])) {
                        return null;
                    }
                    done = true;
                } else if (quote != 0) {
                    word.write(line[i]);
                } else if (i >= n || isSpace(line[i])) {
                    done = true;
                } else if (line[i] == '"' || line[i] == '\'') {
                    quote = line[i];
                } else {
                    word.write(line[i]);
                }
                if (i < n) {
                    i++;
                }
            }
            words.add(word.toByteArray());
        }
    }

    private static boolean isHexEscape(byte[] line, int i) {
        return line[i] == '\\' && i + 3 < line.length && line[i + 1] == 'x'
                && Character.digit(line[i + 2], 16) >= 0 && Character.digit(line[i + 3], 16) >= 0;
    }

    private static int unescape(byte c) {
        return switch (c) {
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'b' -> '\b';
            case 'a' -> 7;
            default -> c;
        };
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}
