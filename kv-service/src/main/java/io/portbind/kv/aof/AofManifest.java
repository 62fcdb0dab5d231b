package io.portbind.kv.aof;

import java.util.ArrayList;
import java.util.List;

/**
 * The AOF manifest of Redis 7.0 ({@code aofManifest} in aof.c): at most one base file, the history files a
 * rewrite left behind, and the incremental files in order. Immutable; each change returns a new manifest, so
 * that the one in use is replaced only once the new one is on disk, as Redis swaps {@code server.aof_manifest}.
 * {@link ManifestText} reads and writes its file.
 *
 * @param base             the base file, or null
 * @param history          files to delete (type h)
 * @param incrs            the incremental files, oldest first (type i)
 * @param baseSequence     the highest base sequence number used
 * @param incrSequence     the highest incremental sequence number used
 */
record AofManifest(AofFile base, List<AofFile> history, List<AofFile> incrs, long baseSequence,
                   long incrSequence) {

    /** The file types of a manifest line. */
    enum Type {
        BASE('b'),
        HISTORY('h'),
        INCR('i');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        char letter() {
            return letter;
        }
    }

    /** One line: {@code file <name> seq <n> type <b|h|i>}. */
    record AofFile(String name, long sequence, Type type) {

        /** Whether the file is a base in RDB format, by the name Redis gives it. */
        boolean isRdb() {
            return name.endsWith(".rdb");
        }
    }

    static final String BASE_SUFFIX = ".base";
    static final String INCR_SUFFIX = ".incr";
    static final String RDB_SUFFIX = ".rdb";
    static final String AOF_SUFFIX = ".aof";

    AofManifest {
        history = List.copyOf(history);
        incrs = List.copyOf(incrs);
    }

    static AofManifest empty() {
        return new AofManifest(null, List.of(), List.of(), 0, 0);
    }

    boolean isEmpty() {
        return base == null && incrs.isEmpty();
    }

    /** The base, then the incremental files: what loading replays, in order. */
    List<AofFile> loaded() {
        List<AofFile> files = new ArrayList<>();
        if (base != null) {
            files.add(base);
        }
        files.addAll(incrs);
        return files;
    }

    /** A manifest with a new incremental file {@code <filename>.<n+1>.incr.aof} last (getNewIncrAofName). */
    AofManifest withNewIncr(String filename) {
        long sequence = incrSequence + 1;
        List<AofFile> next = new ArrayList<>(incrs);
        next.add(new AofFile(filename + "." + sequence + INCR_SUFFIX + AOF_SUFFIX, sequence, Type.INCR));
        return new AofManifest(base, history, next, baseSequence, sequence);
    }

    /**
     * After a successful rewrite (backgroundRewriteDoneHandler): a new base {@code <filename>.<n+1>.base.<format>},
     * the old base and every incremental file but the last (the one being written) become history.
     */
    AofManifest rewritten(String filename, boolean rdbBase, int incrsKept) {
        long sequence = baseSequence + 1;
        AofFile newBase = new AofFile(filename + "." + sequence + BASE_SUFFIX + (rdbBase ? RDB_SUFFIX : AOF_SUFFIX),
                sequence, Type.BASE);
        List<AofFile> old = new ArrayList<>();
        int retired = incrs.size() - incrsKept;
        for (int i = 0; i < retired; i++) {
            old.add(new AofFile(incrs.get(i).name(), incrs.get(i).sequence(), Type.HISTORY));
        }
        if (base != null) {
            old.add(new AofFile(base.name(), base.sequence(), Type.HISTORY));
        }
        old.addAll(history);
        return new AofManifest(newBase, old, incrs.subList(retired, incrs.size()), sequence, incrSequence);
    }

    /** The same manifest without history: after the history files were deleted. */
    AofManifest withoutHistory() {
        return new AofManifest(base, List.of(), incrs, baseSequence, incrSequence);
    }

    /** The last incremental file, which appending continues. */
    AofFile lastIncr() {
        return incrs.isEmpty() ? null : incrs.get(incrs.size() - 1);
    }
}
