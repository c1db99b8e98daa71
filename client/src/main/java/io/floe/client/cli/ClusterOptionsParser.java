package io.floe.client.cli;

import io.floe.client.deployment.ClusterEndpoint;
import io.floe.client.deployment.ClusterLocators;
import io.floe.client.deployment.ClusterSecretCredential;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.configuration.IllegalConfigurationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The flags of the commands that talk to a running cluster ({@code list}, {@code cancel}). The
 * cluster is, first to last: {@code -m host:port}; the one a deployer finds from the configuration
 * (such as {@code -Dyarn.application.id=...}, or the YARN session of the properties file); else
 * {@code rest.address}/{@code rest.port} of {@code config.yaml}.
 */
final class ClusterOptionsParser {
    static final Option JOB_MANAGER = Option.builder("m")
            .longOpt("jobmanager")
            .hasArg()
            .argName("host:port")
            .desc("REST address of the cluster's JobManager (default: rest.address and rest.port).")
            .build();
    static final Option TARGET = Option.builder("t")
            .longOpt("target")
            .hasArg()
            .argName("target")
            .desc("The kind of cluster (execution.target), e.g. yarn-session.")
            .build();
    static final Option PROPERTY = DynamicProperties.option(
            "A configuration key, e.g. -Dyarn.application.id=<id> for a YARN cluster; repeatable.");
    static final Option HELP =
            Option.builder("h").longOpt("help").desc("Prints this help.").build();

    private ClusterOptionsParser() {}

    static Options definitions() {
        return definitions(List.of());
    }

    /** These flags and a command's own ({@code extra}). */
    static Options definitions(List<Option> extra) {
        Options options = new Options()
                .addOption(JOB_MANAGER)
                .addOption(TARGET)
                .addOption(PROPERTY)
                .addOption(HELP);
        extra.forEach(options::addOption);
        return options;
    }

    /** The parsed flags and the remaining arguments, with the cluster's REST address. */
    /** @param authorization the cluster's REST credential (for cancel); null if the client has none */
    /** @param line every flag as parsed, for a command's own flags */
    record Parsed(
            boolean help, List<String> arguments, String host, int port, String authorization, CommandLine line) {}

    static Parsed parse(String command, String[] arguments, Map<String, String> environment) throws CliException {
        return parse(command, arguments, environment, List.of());
    }

    static Parsed parse(String command, String[] arguments, Map<String, String> environment, List<Option> extra)
            throws CliException {
        CommandLine line;
        try {
            Options options = definitions(extra);
            line = DefaultParser.builder().build().parse(options, DynamicProperties.splitAttached(arguments, options));
        } catch (ParseException e) {
            throw new CliException(e.getMessage() + "; see floe " + command + " --help");
        }
        if (line.hasOption(HELP)) {
            return new Parsed(true, List.of(), null, 0, null, line);
        }
        for (String argument : line.getArgList()) {
            if (argument.startsWith("-")) {
                throw new CliException(
                        "Unknown option '" + argument + "' for floe " + command + "; see floe " + command + " --help");
            }
        }
        if (line.hasOption(JOB_MANAGER)) {
            HostAndPort address = HostAndPort.parse(line.getOptionValue(JOB_MANAGER), "-m");
            return new Parsed(
                    false,
                    line.getArgList(),
                    address.host(),
                    address.port(),
                    secretFileCredential(ConfigurationLoader.load(environment), environment),
                    line);
        }
        Configuration configuration = configuration(line, environment);
        Optional<ClusterEndpoint> located;
        try {
            located = ClusterLocators.endpoint(configuration, environment);
        } catch (Exception e) {
            throw new CliException(e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        if (located.isPresent()) {
            return new Parsed(
                    false,
                    line.getArgList(),
                    located.get().host(),
                    located.get().port(),
                    located.get().authorization(),
                    line);
        }
        return new Parsed(
                false,
                line.getArgList(),
                configuration.get(ClusterOptions.REST_ADDRESS),
                configuration.get(ClusterOptions.REST_PORT),
                secretFileCredential(configuration, environment),
                line);
    }

    private static String secretFileCredential(Configuration configuration, Map<String, String> environment)
            throws CliException {
        try {
            return ClusterSecretCredential.authorization(configuration, environment);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** config.yaml, then -D and -t, then what the locators add (such as a running YARN session). */
    private static Configuration configuration(CommandLine line, Map<String, String> environment) throws CliException {
        Configuration configuration = ConfigurationLoader.load(environment);
        DynamicProperties.parse(line.getOptionValues(PROPERTY)).forEach(configuration::setString);
        if (line.hasOption(TARGET)) {
            configuration.set(CoreOptions.TARGET, line.getOptionValue(TARGET).trim());
        }
        try {
            configuration.validate();
        } catch (IllegalConfigurationException e) {
            throw new CliException("Bad -D option: " + e.getMessage(), ExitCode.USAGE, e);
        }
        if (!configuration.contains(CoreOptions.TARGET)) {
            ClusterLocators.applyDefaults(configuration, environment);
        }
        return configuration;
    }
}
