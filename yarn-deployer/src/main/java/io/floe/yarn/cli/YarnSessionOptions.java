package io.floe.yarn.cli;

import io.floe.client.cli.CliException;
import io.floe.client.cli.DynamicProperties;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The flags of {@code yarn-session.sh}, Flink's: {@code -jm -tm -s -nm -qu -d -id -q -D -h}, and
 * how they change the configuration (a flag wins over {@code -D}, which wins over config.yaml).
 */
record YarnSessionOptions(
        boolean help, boolean detached, boolean query, String applicationId, Map<String, String> settings) {

    static final Option JM_MEMORY = Option.builder("jm")
            .longOpt("jobManagerMemory")
            .hasArg()
            .argName("size")
            .desc("Memory of the JobManager container, e.g. 1024m or 1g (jobmanager.memory.process.size); MB "
                    + "without a unit.")
            .build();
    static final Option TM_MEMORY = Option.builder("tm")
            .longOpt("taskManagerMemory")
            .hasArg()
            .argName("size")
            .desc("Memory of each TaskManager container (taskmanager.memory.process.size); MB without a unit.")
            .build();
    static final Option SLOTS = Option.builder("s")
            .longOpt("slots")
            .hasArg()
            .argName("n")
            .desc("Slots per TaskManager (taskmanager.numberOfTaskSlots).")
            .build();
    static final Option NAME = Option.builder("nm")
            .longOpt("name")
            .hasArg()
            .argName("name")
            .desc("Name of the YARN application (yarn.application.name).")
            .build();
    static final Option QUEUE = Option.builder("qu")
            .longOpt("queue")
            .hasArg()
            .argName("queue")
            .desc("YARN queue (yarn.application.queue).")
            .build();
    static final Option DETACHED = Option.builder("d")
            .longOpt("detached")
            .desc("Starts the session, prints how to reach and stop it, and returns.")
            .build();
    static final Option APPLICATION_ID = Option.builder("id")
            .longOpt("applicationId")
            .hasArg()
            .argName("appId")
            .desc("Attaches to a running session instead of starting one (type stop to stop it).")
            .build();
    static final Option QUERY = Option.builder("q")
            .longOpt("query")
            .desc("Prints the cluster's NodeManagers with their memory and vcores, and returns.")
            .build();
    static final Option PROPERTY =
            DynamicProperties.option("A configuration key for the session, over conf/config.yaml; repeatable.");
    static final Option HELP =
            Option.builder("h").longOpt("help").desc("Prints this help.").build();

    static Options definitions() {
        return new Options()
                .addOption(JM_MEMORY)
                .addOption(TM_MEMORY)
                .addOption(SLOTS)
                .addOption(NAME)
                .addOption(QUEUE)
                .addOption(DETACHED)
                .addOption(APPLICATION_ID)
                .addOption(QUERY)
                .addOption(PROPERTY)
                .addOption(HELP);
    }

    static YarnSessionOptions parse(String[] arguments) throws CliException {
        CommandLine line;
        try {
            Options options = definitions();
            line = DefaultParser.builder().build().parse(options, DynamicProperties.splitAttached(arguments, options));
        } catch (MissingArgumentException e) {
            throw new CliException("Option -" + e.getOption().getOpt() + " needs a value; see yarn-session.sh -h");
        } catch (ParseException e) {
            throw new CliException(e.getMessage() + "; see yarn-session.sh -h");
        }
        if (!line.getArgList().isEmpty()) {
            throw new CliException("Unexpected argument '" + line.getArgList().get(0) + "'; see yarn-session.sh -h");
        }
        Map<String, String> settings = new LinkedHashMap<>(DynamicProperties.parse(line.getOptionValues(PROPERTY)));
        putMemory(line, JM_MEMORY, ClusterOptions.JOB_MANAGER_PROCESS_SIZE.key(), settings);
        putMemory(line, TM_MEMORY, ClusterOptions.TASK_MANAGER_PROCESS_SIZE.key(), settings);
        if (line.hasOption(SLOTS)) {
            String slots = line.getOptionValue(SLOTS).trim();
            if (!slots.matches("[1-9][0-9]*")) {
                throw new CliException("Option -s needs a positive number of slots, not '" + slots + "'");
            }
            settings.put(ClusterOptions.NUM_TASK_SLOTS.key(), slots);
        }
        if (line.hasOption(NAME)) {
            settings.put(YarnConfigOptions.APPLICATION_NAME.key(), line.getOptionValue(NAME));
        }
        if (line.hasOption(QUEUE)) {
            settings.put(
                    YarnConfigOptions.APPLICATION_QUEUE.key(),
                    line.getOptionValue(QUEUE).trim());
        }
        return new YarnSessionOptions(
                line.hasOption(HELP),
                line.hasOption(DETACHED),
                line.hasOption(QUERY),
                line.getOptionValue(APPLICATION_ID),
                settings);
    }

    /** Writes the settings over {@code configuration}. */
    void applyTo(Configuration configuration) {
        settings.forEach(configuration::setString);
    }

    private static void putMemory(CommandLine line, Option option, String key, Map<String, String> settings) {
        if (line.hasOption(option)) {
            String value = line.getOptionValue(option).trim();
            settings.put(key, value.matches("[0-9]+") ? value + "m" : value); // Flink reads a bare number as MB
        }
    }
}
