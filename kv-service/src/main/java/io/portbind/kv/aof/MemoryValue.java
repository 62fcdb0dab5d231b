package io.portbind.kv.aof;

import java.util.Locale;

/** Redis's memory values ({@code memtoull} in util.c): {@code 1k} is 1000 bytes, {@code 1kb} is 1024. */
final class MemoryValue {

    private MemoryValue() {
    }

    /** The bytes {@code text} says, or null when it is not a memory value. */
    static Long parse(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        long unit = 1;
        String digits = lower;
        String[][] units = {{"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"}, {"g", "1000000000"},
            {"m", "1000000"}, {"k", "1000"}, {"b", "1"}};
        for (String[] candidate : units) {
            if (lower.endsWith(candidate[0])) {
                unit = Long.parseLong(candidate[1]);
                digits = lower.substring(0, lower.length() - candidate[0].length());
                break;
            }
        }
        if (!digits.matches("[0-9]{1,18}")) {
            return null;
        }
        long value = Long.parseLong(digits);
        if (value > Long.MAX_VALUE / unit) {
            return null;
        }
        return value * unit;
    }
}
