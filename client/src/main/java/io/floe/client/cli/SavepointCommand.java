package io.floe.client.cli;

import io.floe.api.JobId;
import io.floe.client.rest.RestClientException;
import io.floe.client.rest.RestClusterClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;

/**
 * {@code floe savepoint [-m host:port] <jobId> [<target directory>]} and {@code floe stop
 * [-p <target directory>] [-d] <jobId>}: a savepoint of a running job, in Flink's words; {@code
 * stop} finishes the job after it. Both wait for the savepoint and print its path.
 */
final class SavepointCommand implements Command {
    static final Option SAVEPOINT_PATH = Option.builder("p")
            .longOpt("savepointPath")
            .hasArg()
            .argName("directory")
            .desc("Where the savepoint goes (default: state.savepoints.dir of the cluster).")
            .build();
    static final Option DRAIN = Option.builder("d")
            .longOpt("drain")
            .desc("Ends event time at the sources before the savepoint: every open window and event-time timer fires.")
            .build();

    private final PrintWriter out;
    private final Map<String, String> environment;
    private final boolean stop;

    private SavepointCommand(PrintWriter out, Map<String, String> environment, boolean stop) {
        this.out = out;
        this.environment = environment;
        this.stop = stop;
    }

    static SavepointCommand savepoint(PrintWriter out, Map<String, String> environment) {
        return new SavepointCommand(out, environment, false);
    }

    static SavepointCommand stop(PrintWriter out, Map<String, String> environment) {
        return new SavepointCommand(out, environment, true);
    }

    @Override
    public String name() {
        return stop ? "stop" : "savepoint";
    }

    @Override
    public String summary() {
        return stop
                ? "Stops a job with a savepoint: floe stop [-p <directory>] [-d] [-m host:port] <jobId>"
                : "Takes a savepoint of a job: floe savepoint [-m host:port] <jobId> [<directory>]";
    }

    private String usage() {
        return stop
                ? "floe stop [-p <directory>] [-d] [-m host:port | -Dyarn.application.id=<id>] <jobId>"
                : "floe savepoint [-m host:port | -Dyarn.application.id=<id>] <jobId> [<directory>]";
    }

    @Override
    public int run(String[] arguments) throws CliException {
        List<Option> own = stop ? List.of(SAVEPOINT_PATH, DRAIN) : List.of();
        ClusterOptionsParser.Parsed parsed = ClusterOptionsParser.parse(name(), arguments, environment, own);
        if (parsed.help()) {
            HelpFormatter.builder()
                    .get()
                    .printHelp(
                            out,
                            100,
                            usage(),
                            stop
                                    ? "\nTakes a savepoint, then finishes the job; run it again with -s <path>."
                                            + "\n\nOptions:"
                                    : "\nTakes a savepoint of a running job; start a job from it with floe run -s"
                                            + " <path>.\n\nOptions:",
                            ClusterOptionsParser.definitions(own),
                            2,
                            4,
                            "");
            out.flush();
            return ExitCode.SUCCESS;
        }
        int allowed = stop ? 1 : 2;
        if (parsed.arguments().isEmpty() || parsed.arguments().size() > allowed) {
            throw new CliException("floe " + name() + " needs a job id" + (stop ? "" : " and optionally a directory")
                    + "; see floe list for the ids: " + usage());
        }
        JobId jobId = jobId(parsed.arguments().get(0));
        String directory = stop
                ? parsed.line().getOptionValue(SAVEPOINT_PATH)
                : parsed.arguments().size() == 2 ? parsed.arguments().get(1) : null;
        out.println(
                stop
                        ? "Suspending job \"" + jobId + "\" with a savepoint."
                        : "Triggering savepoint for job " + jobId + ".");
        out.println("Waiting for response...");
        out.flush();
        String path;
        try (RestClusterClient client = new RestClusterClient(
                parsed.host(), parsed.port(), Duration.ofSeconds(10), Duration.ofSeconds(30), parsed.authorization())) {
            path = stop
                    ? client.stopWithSavepoint(jobId, directory, parsed.line().hasOption(DRAIN))
                    : client.triggerSavepoint(jobId, directory, false);
        } catch (RestClientException e) {
            throw new CliException(e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        out.println("Savepoint completed. Path: " + path);
        if (!stop) {
            out.println("You can resume your program from this savepoint with the run command.");
        }
        out.flush();
        return ExitCode.SUCCESS;
    }

    private JobId jobId(String argument) throws CliException {
        try {
            return new JobId(argument.trim());
        } catch (IllegalArgumentException e) {
            throw new CliException("'" + argument + "' is not a job id (32 hex digits); see floe list");
        }
    }
}
