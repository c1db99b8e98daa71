package io.floe.client.cli;

import io.floe.api.JobExecutionException;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.client.deployment.ApplicationDeployer;
import io.floe.client.deployment.ClusterLocators;
import io.floe.client.deployment.ClusterSecretCredential;
import io.floe.client.program.InvalidProgramException;
import io.floe.client.program.PackagedProgram;
import io.floe.client.program.ProgramInvocationException;
import io.floe.client.rest.RestClientException;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.configuration.SecurityOptions;
import io.floe.runtime.execution.SerializedThrowable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.commons.cli.HelpFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code floe run}: runs a job jar's {@code main} in this JVM with the configuration the flags
 * describe. The steps: parse the flags; load {@code config.yaml}; apply {@code -D}, {@code -p},
 * {@code -t} and the jar; check the result (keys, values, target); open the jar; run
 * {@code main} with that configuration as the program's context.
 *
 * <p>A program that fails is reported in one line: "The job failed: &lt;cause&gt;" when a job it
 * ran ended FAILED (the cause is the user's exception as thrown in the task), else "The
 * program's main() threw &lt;exception&gt;"; the exit code is then {@link ExitCode#PROGRAM_FAILED}.
 */
final class RunCommand implements Command {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, String> environment;
    private final Supplier<Set<String>> knownTargets;
    private final ClassLoader floeClassLoader;
    private final boolean requireApplicationTarget;

    /**
     * @param out where help goes
     * @param err where failures go
     * @param environment the process environment (for {@code FLOE_CONF_DIR})
     * @param knownTargets the {@code execution.target} names that can run a job here
     * @param floeClassLoader the parent of the program's class loader (sees Floe's API)
     */
    RunCommand(
            PrintWriter out,
            PrintWriter err,
            Map<String, String> environment,
            Supplier<Set<String>> knownTargets,
            ClassLoader floeClassLoader) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.knownTargets = knownTargets;
        this.floeClassLoader = floeClassLoader;
        this.requireApplicationTarget = false;
    }

    private RunCommand(RunCommand run) {
        this.out = run.out;
        this.err = run.err;
        this.environment = run.environment;
        this.knownTargets = run.knownTargets;
        this.floeClassLoader = run.floeClassLoader;
        this.requireApplicationTarget = true;
    }

    /** {@code floe run-application}: the same flags, but the program's main() runs in the cluster. */
    RunCommand forApplications() {
        return new RunCommand(this);
    }

    @Override
    public String name() {
        return requireApplicationTarget ? "run-application" : "run";
    }

    @Override
    public String summary() {
        return requireApplicationTarget
                ? "Runs a job jar's main() in a new cluster: floe run-application -t yarn-application [-p n] [-c "
                        + "class] [-D key=value]... <jar> [arguments]"
                : "Runs a job jar: floe run [-t target] [-m host:port] [-d] [-p n] [-c class] [-D key=value]... <jar> "
                        + "[arguments]";
    }

    @Override
    public int run(String[] arguments) throws CliException {
        RunOptions options = RunOptions.parse(arguments);
        if (options.isHelpRequested()) {
            printHelp();
            return ExitCode.SUCCESS;
        }
        Configuration configuration = buildConfiguration(options);
        ApplicationDeployer applicationDeployer = ApplicationDeployer.forTarget(configuration.get(CoreOptions.TARGET));
        if (applicationDeployer != null) {
            return new ApplicationLauncher(out, environment, floeClassLoader)
                    .launch(applicationDeployer, options, configuration);
        }
        if (options.hasRemoteJar()) {
            throw new CliException(
                    "The jar " + options.getJarArgument() + " is not a local file; only application mode "
                            + "(-t yarn-application) reads a jar from a remote file system. Copy it here for other "
                            + "targets.");
        }
        try (PackagedProgram program = openProgram(options);
                JobStatusPrinter printer = new JobStatusPrinter(out, configuration.get(CoreOptions.ATTACHED))) {
            LOG.info(
                    "Running {} from {} with arguments {} and configuration {}",
                    program.getMainClassName(),
                    program.getJar(),
                    program.getArguments(),
                    configuration);
            StreamExecutionEnvironment.setContextJobListeners(List.of(printer));
            program.invoke(configuration);
            LOG.info("{} returned", program.getMainClassName());
            return ExitCode.SUCCESS;
        } catch (ProgramInvocationException e) {
            RestClientException clusterError = clusterErrorOf(e);
            err.println(clusterError != null ? clusterError.getMessage() : describeFailure(e));
            err.flush();
            return clusterError != null ? ExitCode.CLUSTER_ERROR : ExitCode.PROGRAM_FAILED;
        } catch (IOException e) {
            // closing the class loader: the program has already run
            LOG.warn("Could not close the class loader of {}", options.getJar(), e);
            return ExitCode.SUCCESS;
        }
    }

    /** config.yaml, then the flags; checked, including the target. */
    Configuration buildConfiguration(RunOptions options) throws CliException {
        Configuration configuration = ConfigurationLoader.load(environment);
        options.applyTo(configuration);
        if (!configuration.contains(CoreOptions.TARGET)) {
            ClusterLocators.applyDefaults(configuration, environment); // e.g. the running YARN session
        }
        try {
            configuration.validate();
        } catch (IllegalConfigurationException e) {
            throw new CliException(e.getMessage(), ExitCode.USAGE, e);
        }
        String target = configuration.get(CoreOptions.TARGET);
        if ("remote".equals(target)) {
            // the remote executor proves the cluster secret of this distribution's conf dir, if it has one
            ClusterSecretCredential.secretFile(configuration, environment)
                    .ifPresent(file -> configuration.set(SecurityOptions.CLUSTER_SECRET_FILE, file.toString()));
        }
        Set<String> known = knownTargets.get();
        if (requireApplicationTarget && ApplicationDeployer.forTarget(target) == null) {
            throw new CliException("floe " + name() + " needs an application target such as -t yarn-application, not '"
                    + target + "'"
                    + (known.contains("yarn-application") ? "" : "; no application target is on this class path"));
        }
        if (!known.contains(target)) {
            throw new CliException("Unknown target '" + target + "'; "
                    + (known.isEmpty()
                            ? "no execution targets are available on this class path"
                            : "known targets: " + String.join(", ", known)));
        }
        try {
            // a running cluster that the configuration names (-Dyarn.application.id, the YARN properties
            // file, the leader in ZooKeeper) must be there before the program runs: an ended one is the
            // cluster's error, not the program's; -m names the cluster itself
            if (!options.namesJobManager()) {
                ClusterLocators.endpoint(configuration, environment);
            }
        } catch (Exception e) {
            throw new CliException(e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        return configuration;
    }

    private PackagedProgram openProgram(RunOptions options) throws CliException {
        try {
            return PackagedProgram.fromJar(
                    options.getJar(), options.getEntryPoint(), options.getProgramArguments(), floeClassLoader);
        } catch (InvalidProgramException e) {
            throw new CliException(e.getMessage(), ExitCode.USAGE, e);
        }
    }

    /**
     * The cluster's error behind a program that failed before any job of it ran: its submission could
     * not reach the cluster, or the cluster refused it (the README's exit code 3, as for list and cancel).
     */
    private static RestClientException clusterErrorOf(ProgramInvocationException failure) {
        if (failure.findJobFailure().isPresent()) {
            return null;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof RestClientException clusterError) {
                LOG.info("The program's job could not be submitted", failure.getCause());
                return clusterError;
            }
        }
        return null;
    }

    /** The one line that tells the user why the program failed; details go to the log. */
    static String describeFailure(ProgramInvocationException failure) {
        JobExecutionException jobFailure = failure.findJobFailure().orElse(null);
        if (jobFailure == null) {
            LOG.info("The program's main() threw", failure.getCause());
            return "The program's main() threw " + failure.getCause();
        }
        Throwable reason = jobFailure.getCause();
        LOG.info(
                "Job {} ended {}{}",
                jobFailure.getJobId(),
                jobFailure.getStatus(),
                reason instanceof SerializedThrowable remote ? ":\n" + remote.getOriginalStackTrace() : "",
                jobFailure);
        return "The job failed: " + (reason != null ? reason.toString() : jobFailure.getMessage());
    }

    private void printHelp() {
        String footer = String.join(
                "\n",
                "",
                "The entry point is the jar manifest's Main-Class unless -c names one.",
                "Configuration: $FLOE_CONF_DIR/config.yaml, then -D, then -p and -t.",
                "Exit codes: 0 success, 1 usage or input error, 2 the job failed or main() threw, 3 the cluster could "
                        + "not be reached.");
        HelpFormatter formatter = HelpFormatter.builder().get();
        formatter.setOptionComparator(null);
        formatter.printHelp(
                out,
                100,
                "floe " + name() + " [options] <jar> [arguments]",
                requireApplicationTarget
                        ? "\nDeploys a cluster (-t yarn-application) whose JobManager runs the program in <jar> (a "
                                + "local path or "
                                + "an hdfs:// URI) and returns.\n\nOptions:"
                        : "\nRuns the program in <jar>; its jobs run where -t says.\n\nOptions:",
                RunOptions.definitions(),
                2,
                4,
                footer);
        out.flush();
    }
}
