package io.floe.runtime.process;

import io.floe.configuration.Configuration;
import io.floe.runtime.entrypoint.ClusterConfigurationLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a cluster process: loads the configuration, starts the process's services, stops them on
 * SIGTERM (the stop scripts send it) and keeps the JVM alive until then. A bad configuration or a
 * failed start prints its {@link FatalErrorReport} (one line, and one per cause) and exits 1.
 */
public final class ProcessRunner {
    private ProcessRunner() {}

    private static Configuration configurationOf(CompletableFuture<Configuration> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * @param process the entry point's class, which names the process's logger
     */
    public static void run(
            String role, String[] args, Class<?> process, Function<Configuration, AutoCloseable> starter) {
        // the configuration (Jackson, YAML) loads on a second thread while the logging system starts: on a
        // fresh JVM each is a few hundred milliseconds of class loading, and a container has two cores
        CompletableFuture<Configuration> loading = CompletableFuture.supplyAsync(
                () -> ClusterConfigurationLoader.load(ClusterConfigurationLoader.configurationDirectory(), args));
        Logger log = LoggerFactory.getLogger(process);
        AutoCloseable services;
        try {
            Configuration configuration = configurationOf(loading);
            log.info(
                    "Starting the {} (pid {}, Java {})",
                    role,
                    ProcessHandle.current().pid(),
                    Runtime.version());
            services = starter.apply(configuration);
        } catch (RuntimeException e) {
            log.error("Could not start the {}", role, e);
            FatalErrorReport.print("Could not start the " + role, e, System.err);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            log.info("Stopping the {}", role);
                            try {
                                services.close();
                            } catch (Exception e) {
                                log.warn("The {} did not stop cleanly", role, e);
                            }
                            stopped.countDown();
                        },
                        "floe-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
