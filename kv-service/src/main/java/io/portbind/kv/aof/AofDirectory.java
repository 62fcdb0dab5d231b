package io.portbind.kv.aof;

import io.portbind.kv.aof.AofManifest.AofFile;
import io.portbind.kv.aof.ManifestText.InvalidManifest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files of one AOF directory ({@code dir/appenddirname}), named as Redis 7.0 names them: the manifest
 * {@code <appendfilename>.manifest}, written to {@code temp-<appendfilename>.manifest}, fsynced and renamed over
 * the old one, then the directory fsynced (writeAofManifestFile); the temporary files of a rewrite.
 */
final class AofDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AofDirectory.class);
    private static final String MANIFEST_SUFFIX = ".manifest";
    private static final String TEMP_PREFIX = "temp-";

    private final Path path;
    private final String filename;

    AofDirectory(Path path, String filename) {
        this.path = path;
        this.filename = filename;
    }

    Path path() {
        return path;
    }

    String filename() {
        return filename;
    }

    Path resolve(String name) {
        return path.resolve(name);
    }

    Path manifestPath() {
        return path.resolve(filename + MANIFEST_SUFFIX);
    }

    /** The manifest on disk; empty when the directory or the manifest does not exist (aofLoadManifestFromDisk). */
    AofManifest readManifest() throws IOException, InvalidManifest {
        Path manifest = manifestPath();
        if (!Files.isDirectory(path) || !Files.exists(manifest)) {
            return AofManifest.empty();
        }
        return ManifestText.parse(Files.readAllBytes(manifest));
    }

    void create() throws IOException {
        Files.createDirectories(path);
    }

    /** Writes {@code manifest} atomically: a temporary file, fsynced, renamed, and the directory fsynced. */
    void persist(AofManifest manifest) throws IOException {
        Path temp = path.resolve(TEMP_PREFIX + filename + MANIFEST_SUFFIX);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(java.nio.ByteBuffer.wrap(ManifestText.format(manifest)));
            out.force(true);
        }
        move(temp, manifestPath());
    }

    /** Opens {@code name} for appending, creating it (empty with {@code truncate}). */
    FileChannel openForAppend(String name, boolean truncate) throws IOException {
        FileChannel file = truncate
                ? FileChannel.open(resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)
                : FileChannel.open(resolve(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        file.position(file.size());
        return file;
    }

    /** Where a rewrite writes the new base before it is renamed ({@code temp-rewriteaof-bg-<pid>.aof}). */
    Path rewriteTemp() {
        return path.resolve("temp-rewriteaof-bg-" + ProcessHandle.current().pid() + ".aof");
    }

    /** Where commands go while AOF waits for its first rewrite ({@code temp-<appendfilename>.incr}). */
    String tempIncrName() {
        return TEMP_PREFIX + filename + AofManifest.INCR_SUFFIX;
    }

    /** Renames {@code from} to {@code to} atomically and fsyncs the directory, so that the rename survives a crash. */
    void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory();
    }

    long size(AofFile file) {
        try {
            return Files.size(resolve(file.name()));
        } catch (IOException e) {
            return 0;
        }
    }

    /** Deletes the manifest's history files and returns the manifest without them (aofDelHistoryFiles). */
    AofManifest deleteHistory(AofManifest manifest) throws IOException {
        if (manifest.history().isEmpty()) {
            return manifest;
        }
        for (AofFile file : manifest.history()) {
            LOG.info("Removing the history file {}", file.name());
            Files.deleteIfExists(resolve(file.name()));
        }
        AofManifest without = manifest.withoutHistory();
        persist(without);
        return without;
    }

    private void syncDirectory() {
        try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a directory for fsync; the rename itself has happened.
            LOG.debug("cannot fsync the AOF directory {}: {}", path, e.getMessage());
        }
    }
}
