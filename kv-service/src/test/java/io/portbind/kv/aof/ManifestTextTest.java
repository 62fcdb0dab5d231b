package io.portbind.kv.aof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.kv.aof.AofManifest.AofFile;
import io.portbind.kv.aof.AofManifest.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest's text as Redis 7.0 writes and reads it (aof.c: aofInfoFormat, aofLoadManifestFromFile). */
class ManifestTextTest {

    @Test
    void aFreshDirectoryHasABaseAndAnIncrementalFile() {
        AofManifest manifest = AofManifest.empty().rewritten("appendonly.aof", false, 0).withNewIncr("appendonly.aof");
        assertEquals("file appendonly.aof.1.base.aof seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n",
                text(manifest));
    }

    @Test
    void aRewriteMakesTheOldBaseAndIncrementalFilesHistory() throws Exception {
        AofManifest manifest = ManifestText.parse(bytes(
                "file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n"));
        AofManifest rewritten = manifest.withNewIncr("appendonly.aof").rewritten("appendonly.aof", false, 1);
        assertEquals("file appendonly.aof.2.base.aof seq 2 type b\n"
                + "file appendonly.aof.1.incr.aof seq 1 type h\n"
                + "file appendonly.aof.1.base.rdb seq 1 type h\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n", text(rewritten));
        assertEquals("file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.2.incr.aof seq 2 type i\n",
                text(rewritten.withoutHistory()));
    }

    @Test
    void namesThatNeedItAreQuotedAsSdscatreprAndReadBack() throws Exception {
        AofManifest manifest = new AofManifest(null, List.of(),
                List.of(new AofFile("my file\".1.incr.aof", 1, Type.INCR)), 0, 1);
        assertEquals("file \"my file\\\".1.incr.aof\" seq 1 type i\n", text(manifest));
        assertEquals(manifest.incrs(), ManifestText.parse(ManifestText.format(manifest)).incrs());
    }

    @Test
    void commentsAndKeysInAnyOrderAreRead() throws Exception {
        AofManifest manifest = ManifestText.parse(bytes("# written by hand\ntype i seq 3 file a.3.incr.aof\n"));
        assertEquals(List.of(new AofFile("a.3.incr.aof", 3, Type.INCR)), manifest.incrs());
    }

    @Test
    void whatRedisRefusesIsRefusedWithItsReason() {
        assertEquals("Found an empty AOF manifest", refused(""));
        assertEquals("Invalid AOF manifest file format", refused("file a seq 1\n"));
        assertEquals("The AOF manifest file contains too long line", refused("file a seq 1 type i"));
        assertEquals("File can't be a path, just a filename", refused("file ../a seq 1 type i\n"));
        assertEquals("Found duplicate base file information",
                refused("file a seq 1 type b\nfile b seq 2 type b\n"));
        assertEquals("Found a non-monotonic sequence number", refused("file a seq 2 type i\nfile b seq 1 type i\n"));
        assertEquals("Unknown AOF file type", refused("file a seq 1 type x\n"));
    }

    private static String refused(String text) {
        return assertThrows(ManifestText.InvalidManifest.class, () -> ManifestText.parse(bytes(text))).getMessage();
    }

    private static String text(AofManifest manifest) {
        return new String(ManifestText.format(manifest), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
