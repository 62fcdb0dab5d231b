package io.portbind.kv.table;

/** The reply of a container's HELP subcommand (OBJECT HELP, CLIENT HELP, CONFIG HELP), laid out as Redis's. */
public final class Help {

    private Help() {
    }

    /** The given lines, then Redis's closing {@code HELP} entry, each as a status line. */
    public static void reply(Call call, String... lines) {
        call.reply().array(lines.length + 2);
        for (String line : lines) {
            call.reply().simple(line);
        }
        call.reply().simple("HELP");
        call.reply().simple("    Prints this help.");
    }
}
