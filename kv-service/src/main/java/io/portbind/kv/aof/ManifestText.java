package io.portbind.kv.aof;

import io.portbind.kv.aof.AofManifest.AofFile;
import io.portbind.kv.aof.AofManifest.Type;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a Redis 7.0 manifest file, both ways: {@code file <name> seq <n> type <b|h|i>\n} per file, base
 * first, then history, then incremental files (getAofManifestAsString); a name that needs quoting is written
 * as {@code sdscatrepr} does, and lines are split as {@code sdssplitargs} splits them (aofLoadManifestFromFile).
 */
final class ManifestText {

    /** Redis's {@code MANIFEST_MAX_LINE}. */
    static final int MAX_LINE = 1024;

    /** A manifest Redis would refuse, with Redis's own reason. */
    static final class InvalidManifest extends Exception {
        InvalidManifest(String reason) {
            super(reason);
        }
    }

    private ManifestText() {
    }

    static byte[] format(AofManifest manifest) {
        StringBuilder text = new StringBuilder();
        if (manifest.base() != null) {
            line(text, manifest.base());
        }
        manifest.history().forEach(file -> line(text, file));
        manifest.incrs().forEach(file -> line(text, file));
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void line(StringBuilder text, AofFile file) {
        text.append("file ").append(needsRepr(file.name()) ? repr(file.name()) : file.name())
                .append(" seq ").append(file.sequence()).append(" type ").append(file.type().letter()).append('\n');
    }

    /** Parses a manifest with Redis's checks and error texts. */
    static AofManifest parse(byte[] bytes) throws InvalidManifest {
        String content = new String(bytes, StandardCharsets.ISO_8859_1);
        if (content.isEmpty()) {
            throw new InvalidManifest("Found an empty AOF manifest");
        }
        AofFile base = null;
        List<AofFile> history = new ArrayList<>();
        List<AofFile> incrs = new ArrayList<>();
        long baseSequence = 0;
        long maxSequence = 0;
        int start = 0;
        while (start < content.length()) {
            int end = content.indexOf('\n', start);
            if (content.charAt(start) == '#') {
                start = end < 0 ? content.length() : end + 1;
                continue;
            }
            if (end < 0 || end - start >= MAX_LINE) {
                throw new InvalidManifest("The AOF manifest file contains too long line");
            }
            AofFile file = parseLine(content.substring(start, end).strip());
            start = end + 1;
            switch (file.type()) {
                case BASE -> {
                    if (base != null) {
                        throw new InvalidManifest("Found duplicate base file information");
                    }
                    base = file;
                    baseSequence = file.sequence();
                }
                case HISTORY -> history.add(file);
                case INCR -> {
                    if (file.sequence() <= maxSequence) {
                        throw new InvalidManifest("Found a non-monotonic sequence number");
                    }
                    incrs.add(file);
                    maxSequence = file.sequence();
                }
                default -> throw new IllegalStateException();
            }
        }
        return new AofManifest(base, history, incrs, baseSequence, maxSequence);
    }

    private static AofFile parseLine(String line) throws InvalidManifest {
        List<String> argv = line.isEmpty() ? null : splitArgs(line);
        if (argv == null || argv.size() < 6 || argv.size() % 2 != 0) {
            throw new InvalidManifest("Invalid AOF manifest file format");
        }
        String name = null;
        long sequence = 0;
        char type = 0;
        for (int i = 0; i < argv.size(); i += 2) {
            String key = argv.get(i);
            String value = argv.get(i + 1);
            if (key.equalsIgnoreCase("file")) {
                name = value;
                if (name.contains("/")) {
                    throw new InvalidManifest("File can't be a path, just a filename");
                }
            } else if (key.equalsIgnoreCase("seq")) {
                sequence = atoll(value);
            } else if (key.equalsIgnoreCase("type")) {
                type = value.isEmpty() ? 0 : value.charAt(0);
            }
        }
        if (name == null || sequence == 0 || type == 0) {
            throw new InvalidManifest("Invalid AOF manifest file format");
        }
        for (Type known : Type.values()) {
            if (known.letter() == type) {
                return new AofFile(name, sequence, known);
            }
        }
        throw new InvalidManifest("Unknown AOF file type");
    }

    /** C's {@code atoll}: optional sign and leading digits, 0 when there are none. */
    private static long atoll(String text) {
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i++) == '-';
        }
        long value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && value < Long.MAX_VALUE / 10) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return negative ? -value : value;
    }

    /** Redis's {@code sdssplitargs}: words, "double quoted" with escapes, 'single quoted'; null when unbalanced. */
    static List<String> splitArgs(String line) {
        List<String> args = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            boolean inDouble = false;
            boolean inSingle = false;
            boolean done = false;
            while (!done) {
                char c = i < n ? line.charAt(i) : 0;
                if (inDouble) {
                    if (i >= n) {
                        return null;
                    }
                    if (c == '\\' && i + 3 < n && line.charAt(i + 1) == 'x' && isHex(line.charAt(i + 2))
                            && isHex(line.charAt(i + 3))) {
                        current.write(Integer.parseInt(line.substring(i + 2, i + 4), 16));
                        i += 3;
                    } else if (c == '\\' && i + 1 < n) {
                        char escaped = line.charAt(++i);
                        current.write(switch (escaped) {
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            case 't' -> '\t';
                            case 'b' -> '\b';
                            case 'a' -> 7;
                            default -> escaped;
                        });
                    } else if (c == '"') {
                        if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
                            return null;
                        }
                        done = true;
                    } else {
                        current.write(c);
                    }
                } else if (inSingle) {
                    if (i >= n) {
                        return null;
                    }
                    if (c == '\\' && i + 1 < n && line.charAt(i + 1) == '\'') {
                        i++;
                        current.write('\'');
                    } else if (c == '\'') {
                        if (i + 1 < n && !Character.isWhitespace(line.charAt(i + 1))) {
                            return null;
                        }
                        done = true;
                    } else {
                        current.write(c);
                    }
                } else if (i >= n || c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0) {
                    done = true;
                } else if (c == '"') {
                    inDouble = true;
                } else if (c == '\'') {
                    inSingle = true;
                } else {
                    current.write(c);
                }
                if (i < n) {
                    i++;
                }
            }
            args.add(current.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    /** Redis's {@code sdsneedsrepr}: a name with a space, a quote, a backslash or a non-printable character. */
    static boolean needsRepr(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == '"' || c == '\n' || c == '\r' || c == '\t' || c == 7 || c == '\b'
                    || c < 0x20 || c > 0x7e || c == ' ') {
                return true;
            }
        }
        return false;
    }

    /** Redis's {@code sdscatrepr}: the name in double quotes with C escapes and \xHH for other bytes. */
    static String repr(String name) {
        StringBuilder text = new StringBuilder("\"");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '\\', '"' -> text.append('\\').append(c);
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                case 7 -> text.append("\\a");
                case '\b' -> text.append("\\b");
                default -> {
                    if (c >= 0x20 && c <= 0x7e) {
                        text.append(c);
                    } else {
                        text.append(String.format("\\x%02x", (int) c));
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
