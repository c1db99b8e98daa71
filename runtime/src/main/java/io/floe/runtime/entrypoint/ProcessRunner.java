package io.floe.runtime.entrypoint;

import io.floe.runtime.configuration.Configuration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * Runs a cluster process: loads the configuration, starts the process's services, stops them on
 * SIGTERM (the stop scripts send it) and keeps the JVM alive until then. A bad configuration or a
 * failed start prints one line and exits 1.
 */
final class ProcessRunner {
    private ProcessRunner() {}

    static void run(String role, String[] args, Logger log, Function<Configuration, AutoCloseable> starter) {
        AutoCloseable services;
        try {
            Configuration configuration = ClusterConfigurationLoader.load(ClusterConfigurationLoader.configurationDirectory(), args);
            log.info("Starting the {} (pid {}, Java {})", role, ProcessHandle.current().pid(), Runtime.version());
            services = starter.apply(configuration);
        } catch (RuntimeException e) {
            log.error("Could not start the {}", role, e);
            System.err.println("Could not start the " + role + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping the {}", role);
            try {
                services.close();
            } catch (Exception e) {
                log.warn("The {} did not stop cleanly", role, e);
            }
            stopped.countDown();
        }, "floe-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
