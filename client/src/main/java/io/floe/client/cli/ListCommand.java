package io.floe.client.cli;

import io.floe.client.rest.RestClientException;
import io.floe.client.rest.RestClusterClient;
import io.floe.runtime.webmonitor.JobDetails;
import java.io.PrintWriter;
import java.text.SimpleDateFormat;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.HelpFormatter;

/** {@code floe list [-m host:port]}: the cluster's running and ended jobs, as Flink prints them. */
final class ListCommand implements Command {
    private final PrintWriter out;
    private final Map<String, String> environment;

    ListCommand(PrintWriter out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "Lists the jobs of a cluster: floe list [-m host:port | -Dyarn.application.id=<id>]";
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
                            "floe list [-m host:port | -Dyarn.application.id=<id>]",
                            "\nLists the running and ended jobs of a cluster.\n\nOptions:",
                            ClusterOptionsParser.definitions(),
                            2,
                            4,
                            "");
            out.flush();
            return ExitCode.SUCCESS;
        }
        List<JobDetails> jobs;
        try (RestClusterClient client = new RestClusterClient(
                parsed.host(), parsed.port(), Duration.ofSeconds(10), Duration.ofSeconds(30), parsed.authorization())) {
            jobs = client.listJobs();
        } catch (RestClientException e) {
            throw new CliException(e.getMessage(), ExitCode.CLUSTER_ERROR, e);
        }
        printSection(
                "Running/Restarting Jobs",
                jobs.stream().filter(j -> !j.status().isGloballyTerminal()).toList());
        printSection(
                "Terminated Jobs",
                jobs.stream().filter(j -> j.status().isGloballyTerminal()).toList());
        out.flush();
        return ExitCode.SUCCESS;
    }

    private void printSection(String title, List<JobDetails> jobs) {
        out.println("------------------ " + title + " -------------------");
        if (jobs.isEmpty()) {
            out.println("No jobs.");
        }
        SimpleDateFormat format = new SimpleDateFormat("dd.MM.yyyy HH:mm:ss");
        for (JobDetails job : jobs) {
            out.println(format.format(new Date(job.startTime())) + " : " + job.jobId() + " : " + job.jobName() + " ("
                    + job.status() + ")");
        }
        out.println("--------------------------------------------------------------");
    }
}
