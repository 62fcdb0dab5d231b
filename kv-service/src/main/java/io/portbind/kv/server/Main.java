package io.portbind.kv.server;

import io.portbind.common.config.InvalidValueException;
import io.portbind.common.config.Parsers;
import io.portbind.common.config.ServiceDescriptor;
import io.portbind.common.config.Setting;
import io.portbind.common.server.ServiceLauncher;
import io.portbind.kv.aof.AofSettings;
import io.portbind.kv.table.ServerState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code java -jar kv-service.jar}: a Redis-protocol key-value store on its own port. */
public final class Main {

    /** Redis's {@code requirepass}: when set, clients must AUTH with it before other commands. */
    public static final Setting<String> REQUIREPASS = Setting.of("--requirepass", List.of("KV_PASSWORD"), null,
            "Password clients must give to AUTH (as Redis's requirepass); none by default.", Parsers::nonEmpty);

    /** Redis's {@code protected-mode}: while no password is set, only loopback clients are accepted. */
    public static final Setting<Boolean> PROTECTED_MODE = Setting.of("--protected-mode", List.of("KV_PROTECTED_MODE"),
            "yes", "While no password is set, accept clients only from the loopback interface (yes or no).",
            Main::yesOrNo);

    /** Redis's {@code maxclients}: a connection beyond this many connected clients is refused. */
    public static final Setting<Integer> MAXCLIENTS = Setting.of("--maxclients", List.of("KV_MAXCLIENTS"),
            Long.toString(ServerState.DEFAULT_MAX_CLIENTS), "How many clients may be connected at once.",
            Parsers.positiveInt(Integer.MAX_VALUE));

    /** Redis's {@code dir}: where the data files live (the AOF directory inside it). */
    public static final Setting<Path> DIR = Setting.of("--dir", List.of("KV_DIR"), ".",
            "Directory of the data files (the append-only directory, dump.rdb).", Main::directory);

    public static final ServiceDescriptor SERVICE = ServiceDescriptor.of("kv-service", "RESP", "KV_PORT", 6379,
            settings(List.of(REQUIREPASS, PROTECTED_MODE, MAXCLIENTS, DIR), AofSettings.ALL));

    private Main() {
    }

    public static void main(String[] args) {
        ServiceLauncher.run(SERVICE, args, KvServer::new);
    }

    private static Setting<?>[] settings(List<Setting<?>> own, List<Setting<?>> aof) {
        List<Setting<?>> all = new ArrayList<>(own);
        all.addAll(aof);
        return all.toArray(new Setting<?>[0]);
    }

    /** A directory that exists (Redis's {@code dir} must, as it changes into it). */
    private static Path directory(String text) throws InvalidValueException {
        Path path = Path.of(text);
        if (text.isBlank() || !Files.isDirectory(path)) {
            throw new InvalidValueException("expected an existing directory");
        }
        return path;
    }

    /** Redis spells a boolean parameter {@code yes} or {@code no} (any case), and accepts nothing else. */
    private static boolean yesOrNo(String text) throws InvalidValueException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "yes":
                return true;
            case "no":
                return false;
            default:
                throw new InvalidValueException("expected yes or no");
        }
    }
}
