package io.portbind.kv.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Redis's {@code save} parameter: pairs of {@code <seconds> <changes>}, each meaning "save in the background
 * when at least {@code changes} writes happened and more than {@code seconds} passed since the last successful
 * save". Empty means never. Written and read as Redis does: values separated by single spaces, every
 * {@code seconds} at least 1 and every {@code changes} at least 0; the text {@code ""} is the empty schedule.
 *
 * @param points the pairs in the order given
 */
public record SaveSchedule(List<Point> points) {

    /** Redis 7.0's built-in schedule. */
    public static final String REDIS_DEFAULT = "3600 1 300 100 60 10000";

    /** Redis's reason for any malformed value. */
    public static final String INVALID = "Invalid save parameters";

    /** One save point. */
    public record Point(long seconds, long changes) {
    }

    public SaveSchedule {
        points = List.copyOf(points);
    }

    /** The schedule {@code text} describes, or empty when Redis would refuse it ({@value #INVALID}). */
    public static Optional<SaveSchedule> parse(String text) {
        if (text.isEmpty()) {
            return Optional.of(new SaveSchedule(List.of()));
        }
        // Split on each single space, as CONFIG SET does: two spaces in a row make an empty value, which is 0.
        String[] values = text.split(" ", -1);
        if (values.length % 2 != 0) {
            return Optional.empty();
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i += 2) {
            Optional<Long> seconds = strtoll(values[i]);
            Optional<Long> changes = strtoll(values[i + 1]);
            if (seconds.isEmpty() || changes.isEmpty() || seconds.get() < 1 || changes.get() < 0) {
                return Optional.empty();
            }
            points.add(new Point(seconds.get(), changes.get()));
        }
        return Optional.of(new SaveSchedule(points));
    }

    public boolean isEmpty() {
        return points.isEmpty();
    }

    /** The first point that is due, when {@code changes} writes happened {@code secondsSinceSave} after a save. */
    public Optional<Point> due(long changes, long secondsSinceSave) {
        return points.stream().filter(p -> changes >= p.changes() && secondsSinceSave > p.seconds()).findFirst();
    }

    /** CONFIG GET's form: {@code 3600 1 300 100}, or the empty string. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Point point : points) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(point.seconds()).append(' ').append(point.changes());
        }
        return text.toString();
    }

    /**
     * C's {@code strtoll} as Redis checks it: leading white space, an optional sign and decimal digits, with
     * nothing after them; an empty text is 0 (no digits, and nothing left over). Out of range is refused here.
     */
    private static Optional<Long> strtoll(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return text.isEmpty() ? Optional.of(0L) : Optional.empty();
        }
        if (i != text.length()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.substring(start, i)));
        } catch (NumberFormatException outOfRange) {
            return Optional.empty();
        }
    }
}
