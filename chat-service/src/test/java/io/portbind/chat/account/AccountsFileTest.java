package io.portbind.chat.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.portbind.common.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's accounts file: {@code user:password} lines, comments, and one-line errors. */
class AccountsFileTest {

    @TempDir
    Path directory;

    @Test
    void readsUsersAndPasswords_skippingCommentsAndBlankLines() throws Exception {
        Path file = write("# operators\n\nRomeo:wherefore art thou\njuliet:a:b:c\r\n");
        assertEquals(Map.of("romeo", "wherefore art thou", "juliet", "a:b:c"), AccountsFile.read(file));
    }

    @Test
    void lineWithoutPasswordIsAOneLineConfigError() throws Exception {
        Path file = write("romeo:r\njuliet\n");
        ConfigException error = assertThrows(ConfigException.class, () -> AccountsFile.read(file));
        assertEquals("chat-service: invalid CHAT_ACCOUNTS " + file + " line 2: expected user:password",
                error.getMessage());
    }

    @Test
    void invalidUserNameIsAConfigError() throws Exception {
        Path file = write("rom eo@x:r\n");
        assertThrows(ConfigException.class, () -> AccountsFile.read(file));
    }

    private Path write(String text) throws Exception {
        Path file = directory.resolve("accounts");
        Files.writeString(file, text);
        return file;
    }
}
