package io.portbind.kv.compat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a compatibility script: a command written as in redis-cli, optionally preceded by a
 * comparison mode. {@code unordered: SMEMBERS s} compares the elements of the reply in any order;
 * {@code type: RANDOMKEY} compares only the reply's type; a plain line compares exact bytes.
 */
record ScriptLine(int number, String text, Comparison comparison, List<byte[]> arguments) {

    enum Comparison { EXACT, UNORDERED, TYPE }

    static ScriptLine parse(int number, String line) {
        Comparison comparison = Comparison.EXACT;
        String command = line;
        if (line.startsWith("unordered:")) {
            comparison = Comparison.UNORDERED;
            command = line.substring("unordered:".length());
        } else if (line.startsWith("type:")) {
            comparison = Comparison.TYPE;
            command = line.substring("type:".length());
        }
        return new ScriptLine(number, line, comparison, split(command.trim()));
    }

    /** The command as a RESP array of bulk strings. */
    byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("*" + arguments.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] argument : arguments) {
            out.writeBytes(("$" + argument.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(argument);
            out.writeBytes(new byte[] {'\r', '\n'});
        }
        return out.toByteArray();
    }

    /** Splits like redis-cli: spaces separate words; "double quotes" take \n \r \t \\ \" \xHH; 'single' is literal. */
    private static List<byte[]> split(String command) {
        List<byte[]> words = new ArrayList<>();
        int i = 0;
        while (i < command.length()) {
            char c = command.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            if (c == '"' || c == '\'') {
                i = quoted(command, i, word);
            } else {
                int end = command.indexOf(' ', i);
                end = end < 0 ? command.length() : end;
                word.writeBytes(command.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
            words.add(word.toByteArray());
        }
        return words;
    }

    private static int quoted(String command, int start, ByteArrayOutputStream word) {
        char quote = command.charAt(start);
        int i = start + 1;
        while (i < command.length() && command.charAt(i) != quote) {
            char c = command.charAt(i);
            if (quote == '"' && c == '\\' && i + 1 < command.length()) {
                char escaped = command.charAt(i + 1);
                switch (escaped) {
                    case 'n' -> word.write('\n');
                    case 'r' -> word.write('\r');
                    case 't' -> word.write('\t');
                    case 'x' -> {
                        word.write(Integer.parseInt(command.substring(i + 2, i + 4), 16));
                        i += 2;
                    }
                    default -> word.write(escaped);
                }
                i += 2;
            } else {
                word.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                i++;
            }
        }
        if (i >= command.length()) {
            throw new IllegalArgumentException("unbalanced quotes in: " + command);
        }
        return i + 1;
    }
}
