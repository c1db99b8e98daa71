package io.floe.yarn;

import io.floe.configuration.ConfigOption;
import io.floe.configuration.Configuration;
import io.floe.runtime.process.ProcessMemory;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.yarn.api.ApplicationConstants;

/**
 * The launch command of a Floe container JVM: {@code $JAVA_HOME/bin/java} with the memory flags of
 * the process size, the {@code --add-opens} flags Hadoop needs on Java 17 (containers do not inherit
 * the client's), the user's JVM options ({@code env.java.opts.all} and the role's own key), the
 * logging configuration, the main class and its arguments, and stdout/stderr redirected into YARN's
 * log directory as {@code <role>.out/.err} next to {@code <role>.log} (the names Flink's containers
 * use). If the JVM exits non-zero, the end of {@code <role>.err} is copied into YARN's diagnostics of
 * the container (see {@link ContainerDiagnostics}).
 */
public final class ContainerCommand {
    /** What Hadoop's client and Floe's Netty need opened on Java 17. */
    public static final List<String> JAVA_17_OPENS = List.of(
            "java.base/java.lang",
            "java.base/java.util",
            "java.base/java.lang.reflect",
            "java.base/java.io",
            "java.base/java.net",
            "java.base/java.nio",
            "java.base/sun.nio.ch");

    /** Lines of a failed JVM's stderr copied into YARN's diagnostics (YARN keeps their last 4096 bytes). */
    static final int STDERR_TAIL_LINES = 12;

    private ContainerCommand() {}

    /**
     * @param role {@code jobmanager} or {@code taskmanager}: names the log files
     * @param jvmOptions the user's JVM options, written into the command as given (the shell splits them)
     * @param arguments arguments of the main class; each must be free of shell metacharacters or is quoted here
     */
    public static String build(
            String role, ProcessMemory memory, String jvmOptions, String mainClass, List<String> arguments) {
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        List<String> parts = new ArrayList<>();
        parts.add(ApplicationConstants.Environment.JAVA_HOME.$$() + "/bin/java");
        parts.add(memory.jvmOptions());
        for (String open : JAVA_17_OPENS) {
            parts.add("--add-opens=" + open + "=ALL-UNNAMED");
        }
        if (!jvmOptions.isBlank()) {
            parts.add(jvmOptions.strip());
        }
        parts.add("-Dlog.file=" + logDir + "/" + role + ".log");
        parts.add("-Dlog4j2.configurationFile=" + ContainerEnvironment.inConfDir(ContainerEnvironment.LOG_CONFIG_FILE));
        parts.add(mainClass);
        for (String argument : arguments) {
            parts.add(quote(argument));
        }
        parts.add("1>" + logDir + "/" + role + ".out");
        parts.add("2>" + logDir + "/" + role + ".err");
        // A JVM that fails copies the end of its stderr (its FatalErrorReport, or the JVM's own complaint) to
        // the launch script's stderr, prelaunch.err, whose end the NodeManager puts into the container's
        // diagnostics; YARN's own pattern for that ({*stderr*,*STDERR*}) misses <role>.err. The NodeManager
        // runs the command inside double quotes: \$ reaches the inner shell as $. The exit code is kept.
        parts.add(
                "|| { rc=\\$?; tail -n " + STDERR_TAIL_LINES + " " + logDir + "/" + role + ".err 1>&2; exit \\$rc; }");
        return String.join(" ", parts);
    }

    /** The user's JVM options of a container: {@code env.java.opts.all}, then {@code roleOptions}. */
    public static String jvmOptions(Configuration configuration, ConfigOption<String> roleOptions) {
        return (configuration.get(YarnConfigOptions.JVM_OPTIONS_ALL) + " " + configuration.get(roleOptions)).strip();
    }

    /** Single-quotes an argument for the container's shell. */
    static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }
}
