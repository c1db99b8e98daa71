package io.floe.yarn.cli;

import io.floe.client.cli.ExitCode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attached mode of {@code yarn-session.sh}: reads commands from stdin ({@code stop},
 * {@code help}) while watching the application. It returns when the session is stopped, when it
 * ends on its own (killed through YARN, failed), or when stdin closes (the session keeps running
 * then, as with {@code -d}). A session this client started is also stopped on Ctrl-C.
 */
final class AttachedSession {
    private static final Logger LOG = LoggerFactory.getLogger(AttachedSession.class);
    private static final String END_OF_INPUT = "\u0000eof";

    private final SessionController controller;
    private final InputStream in;
    private final PrintStream out;
    private final boolean stopOnInterrupt;

    AttachedSession(SessionController controller, InputStream in, PrintStream out, boolean stopOnInterrupt) {
        this.controller = controller;
        this.in = in;
        this.out = out;
        this.stopOnInterrupt = stopOnInterrupt;
    }

    int run() throws Exception {
        out.println(
                "Type 'stop' and Enter to stop the session" + (stopOnInterrupt ? " (Ctrl-C stops it too)" : "") + ".");
        Thread stopHook = new Thread(this::stopQuietly, "floe-yarn-session-stop");
        if (stopOnInterrupt) {
            Runtime.getRuntime().addShutdownHook(stopHook);
        }
        try {
            return loop();
        } finally {
            if (stopOnInterrupt) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running already
                }
            }
        }
    }

    private int loop() throws Exception {
        BlockingQueue<String> lines = startReader();
        while (true) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                ApplicationReport report = controller.report();
                if (SessionController.ENDED.contains(report.getYarnApplicationState())) {
                    controller.ended(report);
                    return report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED
                            ? ExitCode.SUCCESS
                            : ExitCode.CLUSTER_ERROR;
                }
                continue;
            }
            if (line.equals(END_OF_INPUT)) {
                out.println(
                        "Standard input closed; the session keeps running. Stop it with: echo stop | yarn-session.sh "
                                + "-id "
                                + controller.applicationId());
                return ExitCode.SUCCESS;
            }
            switch (line.trim().toLowerCase(Locale.ROOT)) {
                case "stop", "quit" -> {
                    ApplicationReport report = controller.stop();
                    return report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED
                            ? ExitCode.SUCCESS
                            : ExitCode.CLUSTER_ERROR;
                }
                case "help" -> out.println("Commands: stop (stops the session), help.");
                case "" -> {}
                default ->
                    out.println("Unknown command '" + line.trim()
                            + "'; type stop to stop the session, help for the commands.");
            }
        }
    }

    /** Lines of stdin on a daemon thread, so the main thread can watch the application meanwhile. */
    private BlockingQueue<String> startReader() {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader input =
                            new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                        for (String line = input.readLine(); line != null; line = input.readLine()) {
                            lines.add(line);
                        }
                    } catch (Exception e) {
                        LOG.debug("Reading stdin failed", e);
                    }
                    lines.add(END_OF_INPUT);
                },
                "floe-yarn-session-stdin");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private void stopQuietly() {
        try {
            if (!SessionController.ENDED.contains(controller.report().getYarnApplicationState())) {
                controller.stop();
            }
        } catch (Exception e) {
            LOG.warn("Could not stop session {} on exit", controller.applicationId(), e);
        }
    }
}
