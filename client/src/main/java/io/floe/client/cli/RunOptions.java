package io.floe.client.cli;

import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.configuration.CheckpointingOptions;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.configuration.IllegalConfigurationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The flags of {@code floe run [options] <jar> [arguments]}, parsed and checked: a value object
 * that knows how it changes a {@link Configuration} ({@link #applyTo}).
 *
 * <p>Flags follow Flink's: {@code -t/--target}, {@code -p/--parallelism}, {@code -c/--class},
 * {@code -s/--fromSavepoint}, {@code -n/--allowNonRestoredState}, {@code -D key=value} (also
 * {@code -Dkey=value}), {@code -h/--help}. Parsing stops at the jar:
 * everything after it belongs to the program.
 */
public final class RunOptions {
    static final Option TARGET = Option.builder("t")
            .longOpt("target")
            .hasArg()
            .argName("target")
            .desc("Where the job runs (execution.target), e.g. local.")
            .build();
    static final Option PARALLELISM = Option.builder("p")
            .longOpt("parallelism")
            .hasArg()
            .argName("n")
            .desc("Parallelism of operators that set none (parallelism.default).")
            .build();
    static final Option CLASS = Option.builder("c")
            .longOpt("class")
            .hasArg()
            .argName("class")
            .desc("The program's entry point, when the jar's manifest names none (Main-Class).")
            .build();
    static final Option PROPERTY =
            DynamicProperties.option("Sets a configuration key for this job, over conf/config.yaml; repeatable.");
    static final Option DETACHED = Option.builder("d")
            .longOpt("detached")
            .desc("Submits the job and returns: prints the job id and does not wait for the result.")
            .build();
    static final Option JOB_MANAGER = Option.builder("m")
            .longOpt("jobmanager")
            .hasArg()
            .argName("host:port")
            .desc("REST address of the cluster's JobManager (rest.address, rest.port); implies -t remote.")
            .build();
    static final Option FROM_SAVEPOINT = Option.builder("s")
            .longOpt("fromSavepoint")
            .hasArg()
            .argName("path")
            .desc("Starts the job from this savepoint or retained checkpoint (execution.savepoint.path).")
            .build();
    static final Option ALLOW_NON_RESTORED_STATE = Option.builder("n")
            .longOpt("allowNonRestoredState")
            .desc("With -s: skips savepoint state of operators the program no longer has, instead of failing"
                    + " (execution.savepoint.ignore-unclaimed-state).")
            .build();
    static final Option HELP =
            Option.builder("h").longOpt("help").desc("Prints this help.").build();

    private final boolean helpRequested;
    private final String target;
    private final Integer parallelism;
    private final String entryPoint;
    private final Map<String, String> properties;
    private final Path jar;
    private final List<String> programArguments;
    private boolean detached;
    private HostAndPort jobManager;
    private String jarArgument;
    private String savepointPath;
    private boolean allowNonRestoredState;

    private RunOptions(
            boolean helpRequested,
            String target,
            Integer parallelism,
            String entryPoint,
            Map<String, String> properties,
            Path jar,
            List<String> programArguments) {
        this.helpRequested = helpRequested;
        this.target = target;
        this.parallelism = parallelism;
        this.entryPoint = entryPoint;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        this.jar = jar;
        this.programArguments = List.copyOf(programArguments);
    }

    static Options definitions() {
        return new Options()
                .addOption(TARGET)
                .addOption(JOB_MANAGER)
                .addOption(DETACHED)
                .addOption(PARALLELISM)
                .addOption(CLASS)
                .addOption(FROM_SAVEPOINT)
                .addOption(ALLOW_NON_RESTORED_STATE)
                .addOption(PROPERTY)
                .addOption(HELP);
    }

    /**
     * Parses what followed {@code floe run}.
     *
     * @throws CliException naming the flag or value that is wrong
     */
    public static RunOptions parse(String[] arguments) throws CliException {
        Options options = definitions();
        CommandLine line;
        try {
            line = DefaultParser.builder()
                    .build()
                    .parse(options, DynamicProperties.splitAttached(arguments, options), true);
        } catch (MissingArgumentException e) {
            throw new CliException("Option " + describe(e.getOption()) + " needs a value; see floe run --help");
        } catch (ParseException e) {
            throw new CliException(e.getMessage() + "; see floe run --help");
        }
        if (line.hasOption(HELP)) {
            return new RunOptions(true, null, null, null, Map.of(), null, List.of());
        }
        List<String> rest = line.getArgList();
        if (rest.isEmpty()) {
            throw new CliException("floe run needs a job jar; see floe run --help");
        }
        String first = rest.get(0);
        if (first.startsWith("-") && first.length() > 1) {
            // The parser stops at the first token it does not know, so an unknown flag lands here.
            throw new CliException("Unknown option '" + first + "' for floe run; see floe --help");
        }
        RunOptions parsed = new RunOptions(
                false,
                parseTarget(line),
                parseParallelism(line),
                line.getOptionValue(CLASS),
                parseProperties(line),
                Path.of(first),
                rest.subList(1, rest.size()));
        parsed.detached = line.hasOption(DETACHED);
        parsed.jarArgument = first;
        parsed.jobManager =
                line.hasOption(JOB_MANAGER) ? HostAndPort.parse(line.getOptionValue(JOB_MANAGER), "-m") : null;
        parsed.savepointPath = line.getOptionValue(FROM_SAVEPOINT);
        if (parsed.savepointPath != null && parsed.savepointPath.isBlank()) {
            throw new CliException(
                    "Option -s needs the path of a savepoint, such as hdfs:///savepoints/savepoint-1a2b3c-"
                            + "0123456789ab");
        }
        parsed.allowNonRestoredState = line.hasOption(ALLOW_NON_RESTORED_STATE);
        if (parsed.allowNonRestoredState && parsed.savepointPath == null) {
            throw new CliException("Option -n (--allowNonRestoredState) only goes with -s <savepoint path>");
        }
        return parsed;
    }

    /** The {@code -d} flag. */
    public boolean isDetached() {
        return detached;
    }

    /** True for {@code floe run --help}: nothing else was parsed. */
    public boolean isHelpRequested() {
        return helpRequested;
    }

    /** The {@code -t} value, or null. */
    public String getTarget() {
        return target;
    }

    /** The {@code -p} value, or null. */
    public Integer getParallelism() {
        return parallelism;
    }

    /** The {@code -c} value, or null to use the manifest's Main-Class. */
    public String getEntryPoint() {
        return entryPoint;
    }

    /** The {@code -D} pairs, in order (a later one wins). */
    public Map<String, String> getProperties() {
        return properties;
    }

    public Path getJar() {
        return jar;
    }

    /** Whether {@code -m host:port} named the cluster: then it is used as given, not looked up. */
    public boolean namesJobManager() {
        return jobManager != null;
    }

    /** The jar as given: a local path or, for application mode, a URI such as {@code hdfs://...}. */
    public String getJarArgument() {
        return jarArgument != null ? jarArgument : jar == null ? null : jar.toString();
    }

    /** True when the jar is a URI the client does not read itself (only application mode takes one). */
    public boolean hasRemoteJar() {
        String argument = getJarArgument();
        return argument != null && ApplicationConfiguration.isRemote(argument);
    }

    public List<String> getProgramArguments() {
        return programArguments;
    }

    /**
     * Writes these options over a configuration: the {@code -D} pairs, then {@code -p} and
     * {@code -t} (explicit flags win over {@code -D}), and the jar into {@code pipeline.jars}.
     *
     * @throws CliException when a {@code -D} key is unknown or its value malformed
     */
    public void applyTo(Configuration configuration) throws CliException {
        Configuration overrides = Configuration.fromMap(properties);
        try {
            overrides.validate();
        } catch (IllegalConfigurationException e) {
            throw new CliException("Bad -D option: " + e.getMessage(), ExitCode.USAGE, e);
        }
        configuration.addAll(overrides);
        if (parallelism != null) {
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (jobManager != null) {
            configuration.set(ClusterOptions.REST_ADDRESS, jobManager.host());
            configuration.set(ClusterOptions.REST_PORT, jobManager.port());
        }
        if (target != null) {
            configuration.set(CoreOptions.TARGET, target);
        } else if (jobManager != null) {
            configuration.set(CoreOptions.TARGET, "remote");
        }
        if (detached) {
            configuration.set(CoreOptions.ATTACHED, false);
        }
        if (savepointPath != null) {
            configuration.set(CheckpointingOptions.SAVEPOINT_PATH, savepointPath.trim());
            configuration.set(CheckpointingOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        }
        if (jar != null && !hasRemoteJar()) {
            String jarUrl = jar.toAbsolutePath().normalize().toUri().toString();
            List<String> jars = new ArrayList<>(configuration.get(CoreOptions.PIPELINE_JARS));
            if (!jars.contains(jarUrl)) {
                jars.add(jarUrl);
            }
            configuration.set(CoreOptions.PIPELINE_JARS, jars);
        }
    }

    private static String parseTarget(CommandLine line) throws CliException {
        String value = line.getOptionValue(TARGET);
        if (value != null && value.isBlank()) {
            throw new CliException("Option -t needs a target name, such as local");
        }
        return value == null ? null : value.trim();
    }

    private static Integer parseParallelism(CommandLine line) throws CliException {
        String value = line.getOptionValue(PARALLELISM);
        if (value == null) {
            return null;
        }
        try {
            int parallelism = Integer.parseInt(value.trim());
            if (parallelism >= 1) {
                return parallelism;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("Option -p needs a positive integer, not '" + value + "'");
    }

    private static Map<String, String> parseProperties(CommandLine line) throws CliException {
        return DynamicProperties.parse(line.getOptionValues(PROPERTY));
    }

    private static String describe(Option option) {
        return option.getLongOpt() != null
                ? "-" + option.getOpt() + "/--" + option.getLongOpt()
                : "-" + option.getOpt();
    }

    @Override
    public String toString() {
        return "RunOptions{target=" + target + ", parallelism=" + parallelism + ", entryPoint=" + entryPoint
                + ", properties=" + properties + ", jar=" + jar + ", programArguments=" + programArguments + "}";
    }
}
