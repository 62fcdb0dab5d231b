package io.portbind.kv.aof;

import io.portbind.common.config.Config;
import io.portbind.common.config.InvalidValueException;
import io.portbind.common.config.Parsers;
import io.portbind.common.config.Setting;
import io.portbind.kv.resp.MemoryValue;
import java.util.List;

/** The AOF's settings, with Redis's names, values and defaults, as flags and environment variables. */
public final class AofSettings {

    /** Redis's {@code appendonly}: whether commands are logged to the AOF and replayed at start. */
    public static final Setting<Boolean> APPENDONLY = Setting.of("--appendonly", List.of("KV_APPENDONLY"), "no",
            "Log every write to the append-only file in --dir and load it at start (yes or no).", Parsers::yesOrNo);

    /** Redis's {@code appendfsync}. */
    public static final Setting<FsyncPolicy> APPENDFSYNC = Setting.of("--appendfsync", List.of("KV_APPENDFSYNC"),
            "everysec", "When the append-only file is fsynced: always (before replying), everysec or no.",
            AofSettings::policy);

    /** Redis's {@code appenddirname}, inside {@code dir}. */
    public static final Setting<String> APPENDDIRNAME = Setting.of("--appenddirname", List.of("KV_APPENDDIRNAME"),
            "appendonlydir", "Directory inside --dir that holds the append-only files.", AofSettings::plainName);

    /** Redis's {@code appendfilename}: the prefix of every file in the directory. */
    public static final Setting<String> APPENDFILENAME = Setting.of("--appendfilename", List.of("KV_APPENDFILENAME"),
            "appendonly.aof", "Base name of the append-only files and their manifest.", AofSettings::plainName);

    /** Redis's {@code auto-aof-rewrite-percentage}: growth over the last rewrite's size that starts one; 0: never. */
    public static final Setting<Long> AUTO_REWRITE_PERCENTAGE = Setting.of("--auto-aof-rewrite-percentage",
            List.of("KV_AUTO_AOF_REWRITE_PERCENTAGE"), "100",
            "Rewrite the append-only file when it grew by this percentage since the last rewrite; 0 turns it off.",
            AofSettings::percentage);

    /** Redis's {@code auto-aof-rewrite-min-size}. */
    public static final Setting<Long> AUTO_REWRITE_MIN_SIZE = Setting.of("--auto-aof-rewrite-min-size",
            List.of("KV_AUTO_AOF_REWRITE_MIN_SIZE"), "64mb",
            "No automatic rewrite while the append-only file is smaller than this (bytes, or 64mb, 1gb, ...).",
            AofSettings::memory);

    public static final List<Setting<?>> ALL = List.of(APPENDONLY, APPENDFSYNC, APPENDDIRNAME, APPENDFILENAME,
            AUTO_REWRITE_PERCENTAGE, AUTO_REWRITE_MIN_SIZE);

    private AofSettings() {
    }

    /** The values in force; those CONFIG SET may change are volatile. */
    static final class Values {
        private final String dirname;
        private final String filename;
        private volatile FsyncPolicy fsync;
        private volatile long autoRewritePercentage;
        private volatile long autoRewriteMinSize;
        private volatile boolean loadTruncated = true;

        Values(String dirname, String filename, FsyncPolicy fsync, long autoRewritePercentage,
               long autoRewriteMinSize) {
            this.dirname = dirname;
            this.filename = filename;
            this.fsync = fsync;
            this.autoRewritePercentage = autoRewritePercentage;
            this.autoRewriteMinSize = autoRewriteMinSize;
        }

        static Values of(Config config) {
            return new Values(config.get(APPENDDIRNAME), config.get(APPENDFILENAME), config.get(APPENDFSYNC),
                    config.get(AUTO_REWRITE_PERCENTAGE), config.get(AUTO_REWRITE_MIN_SIZE));
        }

        String dirname() {
            return dirname;
        }

        String filename() {
            return filename;
        }

        FsyncPolicy fsync() {
            return fsync;
        }

        void fsync(FsyncPolicy value) {
            this.fsync = value;
        }

        long autoRewritePercentage() {
            return autoRewritePercentage;
        }

        void autoRewritePercentage(long value) {
            this.autoRewritePercentage = value;
        }

        long autoRewriteMinSize() {
            return autoRewriteMinSize;
        }

        void autoRewriteMinSize(long value) {
            this.autoRewriteMinSize = value;
        }

        boolean loadTruncated() {
            return loadTruncated;
        }

        void loadTruncated(boolean value) {
            this.loadTruncated = value;
        }
    }


    static FsyncPolicy policy(String text) throws InvalidValueException {
        FsyncPolicy policy = FsyncPolicy.parse(text);
        if (policy == null) {
            throw new InvalidValueException("expected always, everysec or no");
        }
        return policy;
    }

    /** A file or directory name without a path, as Redis requires of appendfilename and appenddirname. */
    static String plainName(String text) throws InvalidValueException {
        if (text.isEmpty() || text.contains("/") || text.equals(".") || text.equals("..")) {
            throw new InvalidValueException("expected a plain name, not a path");
        }
        return text;
    }

    static long percentage(String text) throws InvalidValueException {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw new InvalidValueException("expected a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return Long.parseLong(text);
    }

    /** Redis's memory values ({@code memtoull}): bytes, or a number with k, kb, m, mb, g or gb in any case. */
    static long memory(String text) throws InvalidValueException {
        try {
            return MemoryValue.parse(text);
        } catch (IllegalArgumentException notMemory) {
            throw new InvalidValueException("expected a memory value such as 1048576, 64mb or 1gb");
        }
    }
}
