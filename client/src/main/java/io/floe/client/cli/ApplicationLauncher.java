package io.floe.client.cli;

import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.client.deployment.ApplicationDeployer;
import io.floe.client.program.InvalidProgramException;
import io.floe.client.program.PackagedProgram;
import io.floe.configuration.Configuration;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application mode from the command line ({@code floe run-application}, {@code floe run -t
 * yarn-application}): checks a local jar and its entry point here, so a wrong jar fails before
 * anything is deployed, then hands the program to the target's {@link ApplicationDeployer}, which
 * returns once the cluster runs it.
 */
final class ApplicationLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationLauncher.class);

    private final PrintWriter out;
    private final Map<String, String> environment;
    private final ClassLoader floeClassLoader;

    ApplicationLauncher(PrintWriter out, Map<String, String> environment, ClassLoader floeClassLoader) {
        this.out = out;
        this.environment = environment;
        this.floeClassLoader = floeClassLoader;
    }

    int launch(ApplicationDeployer deployer, RunOptions options, Configuration configuration) throws CliException {
        String entryClass = options.getEntryPoint();
        if (!options.hasRemoteJar()) {
            entryClass = checkedEntryClass(options);
        }
        ApplicationConfiguration application = new ApplicationConfiguration(
                options.hasRemoteJar()
                        ? options.getJarArgument()
                        : options.getJar().toAbsolutePath().normalize().toString(),
                entryClass,
                options.getProgramArguments());
        try {
            deployer.deploy(application, configuration, environment, line -> {
                out.println(line);
                out.flush();
            });
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), ExitCode.USAGE, e);
        } catch (Exception e) {
            LOG.error("Application deployment failed", e);
            throw new CliException("Could not deploy the application: " + e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        return ExitCode.SUCCESS;
    }

    /** Opens the local jar as {@code floe run} would (readable, entry point with a main method), without running it. */
    private String checkedEntryClass(RunOptions options) throws CliException {
        try (PackagedProgram program = PackagedProgram.fromJar(
                options.getJar(), options.getEntryPoint(), options.getProgramArguments(), floeClassLoader)) {
            return program.getMainClassName();
        } catch (InvalidProgramException e) {
            throw new CliException(e.getMessage(), ExitCode.USAGE, e);
        } catch (IOException e) {
            LOG.debug("Could not close the class loader of {}", options.getJar(), e);
            return options.getEntryPoint();
        }
    }
}
