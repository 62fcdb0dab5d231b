package io.portbind.common.config;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Reads the command line with picocli. The options are generated from the service's settings, so
 * {@code --help} always lists every flag, every environment variable and every default.
 */
public final class CommandLineArguments {

    private final CommandLine commandLine;

    public CommandLineArguments(ServiceDescriptor service, String version) {
        CommandSpec spec = CommandSpec.create()
                .name(service.name())
                .version(service.name() + " " + version)
                .mixinStandardHelpOptions(true);
        // 120 columns, so that the environment table keeps one variable per line however long its name.
        spec.usageMessage()
                .width(120)
                .description("Serves " + service.protocol() + " on its own port. Each setting may be given as a "
                        + "flag or as an environment variable; the flag wins.")
                .footerHeading("%nEnvironment variables:%n")
                .footer(environmentTable(service));
        for (Setting<?> setting : service.settings()) {
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel("<" + setting.flag().substring(2) + ">")
                    .type(String.class)
                    .description(describe(setting))
                    .build());
        }
        this.commandLine = new CommandLine(spec);
    }

    private static String describe(Setting<?> setting) {
        String variables = String.join(", ", setting.variables());
        String fallback = setting.isOptional() ? "not set" : setting.defaultText();
        return setting.description() + " Env: " + variables + ". Default: " + fallback + ".";
    }

    /** One line per variable, the names padded to the longest so that the descriptions line up. */
    private static String[] environmentTable(ServiceDescriptor service) {
        int width = service.settings().stream().flatMap(setting -> setting.variables().stream())
                .mapToInt(String::length).max().orElse(0);
        return service.settings().stream()
                .flatMap(setting -> setting.variables().stream()
                        .map(variable -> String.format("  %-" + width + "s  same as %s (default: %s)", variable,
                                setting.flag(), setting.isOptional() ? "not set" : setting.defaultText())))
                .toArray(String[]::new);
    }

    /**
     * Parses the arguments. Returns the given flags, or empty when help or the version was asked
     * for and printed; an unknown flag is a {@link ConfigException}.
     */
    public Optional<Map<String, String>> parse(String[] args, PrintWriter out) {
        ParseResult result;
        try {
            result = commandLine.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException(commandLine.getCommandName() + ": " + e.getMessage()
                    + " (see --help)");
        }
        if (result.isUsageHelpRequested()) {
            commandLine.usage(out);
            return Optional.empty();
        }
        if (result.isVersionHelpRequested()) {
            commandLine.printVersionHelp(out);
            return Optional.empty();
        }
        Map<String, String> flags = new HashMap<>();
        for (OptionSpec option : result.matchedOptions()) {
            flags.put(option.longestName(), option.getValue());
        }
        return Optional.of(flags);
    }
}
