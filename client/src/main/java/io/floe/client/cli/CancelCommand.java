package io.floe.client.cli;

import io.floe.api.JobId;
import io.floe.client.rest.RestClientException;
import io.floe.client.rest.RestClusterClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import org.apache.commons.cli.HelpFormatter;

/** {@code floe cancel [-m host:port] <jobId>}: asks the cluster to cancel a job. */
final class CancelCommand implements Command {
    private final PrintWriter out;
    private final Map<String, String> environment;

    CancelCommand(PrintWriter out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "cancel";
    }

    @Override
    public String summary() {
        return "Cancels a job: floe cancel [-m host:port | -Dyarn.application.id=<id>] <jobId>";
    }

    @Override
    public int run(String[] arguments) throws CliException {
        ClusterOptionsParser.Parsed parsed = ClusterOptionsParser.parse(name(), arguments, environment);
        if (parsed.help()) {
            HelpFormatter.builder()
                    .get()
                    .printHelp(
                            out,
                            100,
                            "floe cancel [-m host:port | -Dyarn.application.id=<id>] <jobId>",
                            "\nCancels a running job.\n\nOptions:",
                            ClusterOptionsParser.definitions(),
                            2,
                            4,
                            "");
            out.flush();
            return ExitCode.SUCCESS;
        }
        if (parsed.arguments().size() != 1) {
            throw new CliException("floe cancel needs exactly one job id; see floe list for the ids");
        }
        JobId jobId;
        try {
            jobId = new JobId(parsed.arguments().get(0).trim());
        } catch (IllegalArgumentException e) {
            throw new CliException(
                    "'" + parsed.arguments().get(0) + "' is not a job id (32 hex digits); see floe list");
        }
        try (RestClusterClient client = new RestClusterClient(
                parsed.host(), parsed.port(), Duration.ofSeconds(10), Duration.ofSeconds(30), parsed.authorization())) {
            client.cancelJob(jobId);
        } catch (RestClientException e) {
            throw new CliException(e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        out.println("Cancelled job " + jobId + ".");
        out.flush();
        return ExitCode.SUCCESS;
    }
}
