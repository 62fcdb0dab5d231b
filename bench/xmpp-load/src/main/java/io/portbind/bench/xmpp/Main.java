package io.portbind.bench.xmpp;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar xmpp-load.jar <scenario> --port N ...}: one scenario, one {@code RESULT} line. */
@Command(name = "xmpp-load", mixinStandardHelpOptions = true,
        description = "XMPP client load for bench/chat.sh; every scenario is bounded in count and time.",
        subcommands = {LoginsScenario.class, MessagesScenario.class, LatencyScenario.class, IdleScenario.class})
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        System.exit(commandLine.execute(args));
    }
}
