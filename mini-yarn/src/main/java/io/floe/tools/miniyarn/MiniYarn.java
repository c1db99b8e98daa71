package io.floe.tools.miniyarn;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of {@code bin/mini-yarn.sh}'s Java side:
 *
 * <pre>
 * MiniYarn run &lt;dir&gt;                                   start HDFS + YARN under dir, run until SIGTERM
 * MiniYarn app-status &lt;conf-dir&gt; &lt;appId&gt; [wait-seconds]   print "appId state final-status"
 * </pre>
 *
 * A wrong call is one line on stderr and exit code 1; a failure of the command exit code 2.
 */
public final class MiniYarn {
    private MiniYarn() {}

    public static void main(String[] args) {
        // Jersey in the YARN web apps logs through java.util.logging; send it where everything else goes
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(Arrays.asList(args)));
    }

    static int run(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        try {
            switch (command) {
                case "run" -> {
                    requireArguments(args, 2, 2);
                    return new RunCommand(Path.of(args.get(1)).toAbsolutePath(), System.out).run();
                }
                case "app-status" -> {
                    requireArguments(args, 3, 4);
                    int waitSeconds = args.size() == 4 ? parseSeconds(args.get(3)) : 0;
                    return new ApplicationStatusCommand(Path.of(args.get(1)), args.get(2), waitSeconds, System.out)
                            .run();
                }
                default ->
                    throw new IllegalArgumentException("unknown command '" + command
                            + "'; use: run <dir> | app-status <conf-dir> <applicationId> [wait-seconds]");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("mini-yarn: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("mini-yarn: interrupted");
            return 2;
        } catch (Exception e) {
            System.err.println("mini-yarn: " + command + " failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    private static void requireArguments(List<String> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw new IllegalArgumentException(
                    "wrong number of arguments for '" + args.get(0) + "': " + args.subList(1, args.size()));
        }
    }

    private static int parseSeconds(String value) {
        try {
            int seconds = Integer.parseInt(value);
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("wait-seconds must be a number of seconds >= 0, not '" + value + "'");
    }
}
