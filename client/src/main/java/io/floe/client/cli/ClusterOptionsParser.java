package io.floe.client.cli;

import io.floe.runtime.configuration.ClusterOptions;
import io.floe.runtime.configuration.Configuration;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The flags of the commands that talk to a running cluster ({@code list}, {@code cancel}):
 * {@code -m host:port} for its REST address, else {@code rest.address}/{@code rest.port} of
 * {@code config.yaml}.
 */
final class ClusterOptionsParser {
    static final Option JOB_MANAGER = Option.builder("m").longOpt("jobmanager").hasArg().argName("host:port")
            .desc("REST address of the cluster's JobManager (default: rest.address and rest.port).").build();
    static final Option HELP = Option.builder("h").longOpt("help").desc("Prints this help.").build();

    private ClusterOptionsParser() {}

    static Options definitions() {
        return new Options().addOption(JOB_MANAGER).addOption(HELP);
    }

    /** The parsed flags and the remaining arguments, with the REST address applied to {@code configuration}. */
    record Parsed(boolean help, List<String> arguments, String host, int port) {}

    static Parsed parse(String command, String[] arguments, Map<String, String> environment) throws CliException {
        CommandLine line;
        try {
            line = DefaultParser.builder().build().parse(definitions(), arguments);
        } catch (ParseException e) {
            throw new CliException(e.getMessage() + "; see floe " + command + " --help");
        }
        if (line.hasOption(HELP)) {
            return new Parsed(true, List.of(), null, 0);
        }
        for (String argument : line.getArgList()) {
            if (argument.startsWith("-")) {
                throw new CliException("Unknown option '" + argument + "' for floe " + command + "; see floe " + command + " --help");
            }
        }
        if (line.hasOption(JOB_MANAGER)) {
            HostAndPort address = HostAndPort.parse(line.getOptionValue(JOB_MANAGER), "-m");
            return new Parsed(false, line.getArgList(), address.host(), address.port());
        }
        Configuration configuration = ConfigurationLoader.load(environment);
        return new Parsed(false, line.getArgList(), configuration.get(ClusterOptions.REST_ADDRESS),
                configuration.get(ClusterOptions.REST_PORT));
    }
}
