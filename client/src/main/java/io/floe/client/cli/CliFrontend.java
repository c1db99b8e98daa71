package io.floe.client.cli;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code floe} command: {@code floe <command> [options] [arguments]}. Picks the
 * {@link Command}, runs it and turns the outcome into an exit code; prints usage for
 * {@code floe}, {@code floe -h} and {@code floe --help}.
 *
 * <p>Usable in-process (tests, other launchers): {@link #run(String[])} returns the exit code and
 * writes only to the streams it was given. {@link #main(String[])} is what the {@code floe}
 * script starts; it exits the JVM with that code.
 */
public final class CliFrontend {
    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    /**
     * @param out where help and the commands' normal output go
     * @param err where error lines go
     * @param environment the process environment (read for {@code FLOE_CONF_DIR})
     * @param knownTargets the execution targets that can run jobs here
     */
    public CliFrontend(
            PrintStream out, PrintStream err, Map<String, String> environment, Supplier<Set<String>> knownTargets) {
        this.out = new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true);
        this.err = new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true);
        ClassLoader floeClassLoader = CliFrontend.class.getClassLoader();
        RunCommand run = new RunCommand(this.out, this.err, environment, knownTargets, floeClassLoader);
        add(run);
        add(run.forApplications());
        add(new ListCommand(this.out, environment));
        add(new CancelCommand(this.out, environment));
        add(SavepointCommand.savepoint(this.out, environment));
        add(SavepointCommand.stop(this.out, environment));
    }

    /** A front end for this process: its stdout, stderr, environment and the targets on its class path. */
    public static CliFrontend forThisProcess() {
        ClassLoader loader = CliFrontend.class.getClassLoader();
        return new CliFrontend(System.out, System.err, System.getenv(), () -> ExecutionTargets.discover(loader));
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = forThisProcess().run(args);
        } catch (RuntimeException | Error e) {
            // A bug in Floe, not the user's mistake: the trace is what a bug report needs.
            System.err.println("floe: internal error: " + e);
            e.printStackTrace();
            exitCode = ExitCode.USAGE;
        }
        System.exit(exitCode);
    }

    /** Runs one command line and returns its exit code ({@link ExitCode}). */
    public int run(String[] args) {
        try {
            if (args.length == 0) {
                printUsage(err);
                return ExitCode.USAGE;
            }
            String verb = args[0];
            if (verb.equals("-h") || verb.equals("--help") || verb.equals("help")) {
                printUsage(out);
                return ExitCode.SUCCESS;
            }
            if (verb.startsWith("-")) {
                throw new CliException("Unknown option '" + verb + "'; see floe --help");
            }
            Command command = commands.get(verb);
            if (command == null) {
                throw new CliException("Unknown command '" + verb + "'; see floe --help");
            }
            return command.run(Arrays.copyOfRange(args, 1, args.length));
        } catch (CliException e) {
            LOG.info("floe {} rejected: {}", String.join(" ", args), e.getMessage());
            err.println(e.getMessage());
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
        }
    }

    private void printUsage(PrintWriter to) {
        to.println("Usage: floe <command> [options] [arguments]");
        to.println();
        to.println("Commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Command command : commands.values()) {
            to.printf("  %-" + width + "s  %s%n", command.name(), command.summary());
        }
        to.println();
        to.println("Options:");
        to.println("  -h, --help  Prints this help; 'floe <command> --help' describes a command's options.");
        to.println();
        to.println("Exit codes:");
        to.println("  0  success");
        to.println("  1  usage or input error: unknown command or flag, missing or unreadable jar, no main class,");
        to.println("     unknown or malformed configuration key (config.yaml or -D), unknown target");
        to.println("  2  the program failed: a job it ran ended FAILED, or its main() threw");
        to.println("  3  the cluster could not be reached, or refused the request (e.g. an unknown job id)");
        to.println();
        to.println("Environment:");
        to.println("  FLOE_CONF_DIR  the directory of config.yaml (the floe script sets <floe home>/conf)");
        to.flush();
    }

    private void add(Command command) {
        commands.put(command.name(), command);
    }
}
