package io.floe.benchmarks.deploy;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.benchmarks.deploy.job.TinyJob;
import io.floe.client.deployment.ApplicationConfiguration;
import io.floe.client.rest.RestClusterClient;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.yarn.HadoopConfigurationLoader;
import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.YarnClusterDescriptor.DeployedCluster;
import io.floe.yarn.executors.ResultFetchedMarker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * D1–D4, measured as the Flink anchor measures B1–B4: the clock starts right before the
 * deployer's call (descriptor and job graph are made before), job status is polled every
 * {@code poll-ms}, and each scenario waits for its YARN application to end before the next starts.
 *
 * <ul>
 *   <li>D1 session: {@code deploySessionCluster()} → the first answered {@code listJobs()}.
 *   <li>D2 tiny job on that session: {@code submitJob()} → status FINISHED → result in hand; the
 *       session's first job, so it includes starting a TaskManager container. D2-warm: the same
 *       again right away, on that TaskManager.
 *   <li>D3 per-job, attached: {@code deployJobCluster()} → FINISHED → result in hand (then the
 *       client tells the ApplicationMaster it has the result, as {@code floe run} does, untimed).
 *   <li>D4 application mode: {@code deployApplicationCluster()} → the job seen FINISHED over REST
 *       (or, if the cluster was gone before, YARN's FINISHED).
 * </ul>
 *
 * Runs on the bench's main thread.
 */
final class Scenarios {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int JOB_TIMEOUT_SECONDS = 120;

    private final MiniClusters clusters;
    private final BenchArguments arguments;
    private final Path tinyJobJar;
    private final String frameworkClasspath;
    private final long pollMillis;
    private final String round;
    private final PrintStream out;
    private final ContainerLogTimeline timeline;

    Scenarios(
            MiniClusters clusters,
            BenchArguments arguments,
            Path tinyJobJar,
            String frameworkClasspath,
            PrintStream out) {
        this.clusters = clusters;
        this.arguments = arguments;
        this.tinyJobJar = tinyJobJar;
        this.frameworkClasspath = frameworkClasspath;
        this.pollMillis = arguments.getInt("poll-ms");
        this.round = arguments.get("round");
        this.out = out;
        this.timeline = arguments.getBoolean("timeline") ? new ContainerLogTimeline(clusters.yarnWorkDir(), out) : null;
    }

    /** D1, and with {@code runJobs} D2 and D2-warm on the same session; then stops the session. */
    void session(boolean runJobs) throws Exception {
        ScenarioClock clock = new ScenarioClock("D1");
        try (YarnClusterDescriptor descriptor = descriptor("yarn-session", clock)) {
            clock.start();
            DeployedCluster cluster = descriptor.deploySessionCluster();
            long deployed = clock.elapsed();
            try (RestClusterClient rest = restClient(cluster)) {
                int attempts = 0;
                while (true) {
                    attempts++;
                    try {
                        rest.listJobs();
                        break;
                    } catch (Exception e) {
                        Thread.sleep(pollMillis);
                    }
                }
                long answered = clock.elapsed();
                Map<String, String> fields = fields();
                fields.put("deploy_returned_seconds", ScenarioResult.seconds(deployed));
                fields.put("submitted_to_yarn_seconds", clock.consoleSeconds("Submitting YARN application"));
                fields.put("accepted_seconds", clock.consoleSeconds("is ACCEPTED"));
                fields.put("running_seconds", clock.consoleSeconds("is RUNNING"));
                fields.put("rest_attempts", String.valueOf(attempts));
                fields.put("framework_uploads", String.valueOf(descriptor.lastFrameworkUploads()));
                fields.put("app", cluster.applicationId().toString());
                report("D1", answered, fields);
                if (timeline != null) {
                    timeline.print("D1", cluster.applicationId().toString(), clock.startWallMillis());
                }

                if (runJobs) {
                    for (String label : List.of("D2", "D2-warm")) {
                        JobGraph jobGraph = tinyJobGraph();
                        ScenarioClock jobClock = new ScenarioClock(label);
                        jobClock.start();
                        rest.submitJob(jobGraph, List.of(tinyJobJar));
                        long submitted = jobClock.elapsed();
                        long finished = awaitFinished(rest, jobGraph.jobId(), jobClock);
                        JobResult result = rest.requestJobResult(jobGraph.jobId());
                        long resultInHand = jobClock.elapsed();
                        Map<String, String> jobFields = fields();
                        jobFields.put("submit_returned_seconds", ScenarioResult.seconds(submitted));
                        jobFields.put("finished_observed_seconds", ScenarioResult.seconds(finished));
                        jobFields.put("success", String.valueOf(result.status() == JobStatus.FINISHED));
                        jobFields.put("job_net_runtime_ms", String.valueOf(result.netRuntimeMillis()));
                        report(label, resultInHand, jobFields);
                        if (timeline != null && label.equals("D2")) {
                            timeline.print(label, cluster.applicationId().toString(), jobClock.startWallMillis());
                        }
                    }
                }
                rest.shutDownCluster();
            }
            clusters.awaitEnded(cluster.applicationId(), 60, pollMillis);
        }
    }

    /** D3: a per-job cluster, attached. */
    void perJob() throws Exception {
        JobGraph jobGraph = tinyJobGraph();
        ScenarioClock clock = new ScenarioClock("D3");
        try (YarnClusterDescriptor descriptor = descriptor("yarn-per-job", clock)) {
            clock.start();
            DeployedCluster cluster = descriptor.deployJobCluster(jobGraph, List.of(tinyJobJar), false);
            long deployed = clock.elapsed();
            try (RestClusterClient rest = restClient(cluster)) {
                long finished = awaitFinished(rest, jobGraph.jobId(), clock);
                JobResult result = rest.requestJobResult(jobGraph.jobId());
                long resultInHand = clock.elapsed();
                ResultFetchedMarker.write(descriptor, cluster); // what floe run does once it holds the result
                long ended = clusters.awaitEnded(cluster.applicationId(), 60, pollMillis);
                Map<String, String> fields = fields();
                fields.put("deploy_returned_seconds", ScenarioResult.seconds(deployed));
                fields.put("submitted_to_yarn_seconds", clock.consoleSeconds("Submitting YARN application"));
                fields.put("running_seconds", clock.consoleSeconds("is RUNNING"));
                fields.put("finished_observed_seconds", ScenarioResult.seconds(finished));
                fields.put("app_finished_seconds", ended < 0 ? "-" : ScenarioResult.seconds(clock.at(ended)));
                fields.put("success", String.valueOf(result.status() == JobStatus.FINISHED));
                fields.put("job_net_runtime_ms", String.valueOf(result.netRuntimeMillis()));
                fields.put("framework_uploads", String.valueOf(descriptor.lastFrameworkUploads()));
                fields.put("app", cluster.applicationId().toString());
                report("D3", resultInHand, fields);
                if (timeline != null) {
                    timeline.print("D3", cluster.applicationId().toString(), clock.startWallMillis());
                }
            }
        }
    }

    /** D4: an application cluster running the tiny job's {@code main()}. */
    void application() throws Exception {
        ApplicationConfiguration program =
                new ApplicationConfiguration(tinyJobJar.toString(), TinyJob.class.getName(), List.of());
        ScenarioClock clock = new ScenarioClock("D4");
        try (YarnClusterDescriptor descriptor = descriptor("yarn-application", clock)) {
            clock.start();
            DeployedCluster cluster = descriptor.deployApplicationCluster(program);
            long deployed = clock.elapsed();
            long jobFinished = -1;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_TIMEOUT_SECONDS);
            try (RestClusterClient rest = restClient(cluster)) {
                while (System.nanoTime() < deadline) {
                    if (jobFinished < 0) {
                        jobFinished = finishedJobSeen(rest, clock);
                    }
                    ApplicationReport report = clusters.yarnClient.getApplicationReport(cluster.applicationId());
                    if (MiniClusters.ended(report.getYarnApplicationState())) {
                        long appEnded = clock.elapsed();
                        Map<String, String> fields = fields();
                        fields.put("job_finished_observed", String.valueOf(jobFinished >= 0));
                        fields.put("deploy_returned_seconds", ScenarioResult.seconds(deployed));
                        fields.put("submitted_to_yarn_seconds", clock.consoleSeconds("Submitting YARN application"));
                        fields.put("app_finished_seconds", ScenarioResult.seconds(appEnded));
                        fields.put("final_status", String.valueOf(report.getFinalApplicationStatus()));
                        fields.put("framework_uploads", String.valueOf(descriptor.lastFrameworkUploads()));
                        fields.put("app", cluster.applicationId().toString());
                        report("D4", jobFinished >= 0 ? jobFinished : appEnded, fields);
                        if (timeline != null) {
                            timeline.print("D4", cluster.applicationId().toString(), clock.startWallMillis());
                        }
                        return;
                    }
                    Thread.sleep(pollMillis);
                }
            }
            throw new IllegalStateException(
                    "Application " + cluster.applicationId() + " did not end within " + JOB_TIMEOUT_SECONDS + " s");
        }
    }

    /** The time the job was first seen FINISHED over REST, or -1 (not yet, or REST not reachable). */
    private long finishedJobSeen(RestClusterClient rest, ScenarioClock clock) {
        try {
            for (JobDetails job : rest.listJobs()) {
                if (job.status() == JobStatus.FINISHED) {
                    return clock.elapsed();
                }
                if (job.status().isGloballyTerminal()) {
                    throw new IllegalStateException("The application's job ended " + job.status());
                }
            }
        } catch (io.floe.client.rest.RestClientException e) {
            // not up yet, or already gone
        }
        return -1;
    }

    /** Polls the job's status until FINISHED; returns the time since the clock's start. */
    private long awaitFinished(RestClusterClient rest, JobId jobId, ScenarioClock clock) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            JobStatus status = null;
            try {
                status = rest.getJobStatus(jobId);
            } catch (io.floe.client.rest.RestClientException e) {
                // not known yet
            }
            if (status == JobStatus.FINISHED) {
                return clock.elapsed();
            }
            if (status != null && status.isGloballyTerminal()) {
                throw new IllegalStateException("Job " + jobId + " ended " + status);
            }
            Thread.sleep(pollMillis);
        }
        throw new IllegalStateException("Job " + jobId + " did not finish within " + JOB_TIMEOUT_SECONDS + " s");
    }

    /** The Floe settings of every deployment: the anchor's sizes, this cluster, the framework jars. */
    private Configuration floeConfiguration(String target) {
        Configuration configuration = new Configuration();
        configuration.setString("execution.target", target);
        configuration.setString("jobmanager.memory.process.size", arguments.get("jm"));
        configuration.setString("taskmanager.memory.process.size", arguments.get("tm"));
        configuration.setString("taskmanager.numberOfTaskSlots", "1");
        configuration.setString("parallelism.default", "1");
        configuration.setString("env.hadoop.conf.dir", clusters.hadoopConfDir.toString());
        configuration.setString("yarn.framework.classpath", frameworkClasspath);
        configuration.setString("yarn.hadoop-classpath", arguments.get("hadoop-classpath"));
        arguments.floeConfiguration().forEach(configuration::setString);
        return configuration;
    }

    /** A descriptor as the CLI makes one: the Hadoop configuration read from the site file. */
    private YarnClusterDescriptor descriptor(String target, ScenarioClock clock) {
        Configuration configuration = floeConfiguration(target);
        return new YarnClusterDescriptor(
                configuration, HadoopConfigurationLoader.load(configuration, Map.of()), clock.console());
    }

    private JobGraph tinyJobGraph() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        TinyJob.build(env);
        return JobGraphs.of(env, "tiny job");
    }

    private static RestClusterClient restClient(DeployedCluster cluster) {
        return new RestClusterClient(
                cluster.restHost(), cluster.restPort(), CONNECT_TIMEOUT, REQUEST_TIMEOUT, cluster.restAuthorization());
    }

    private Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("round", round);
        return fields;
    }

    private void report(String scenario, long nanos, Map<String, String> fields) {
        out.println(new ScenarioResult(scenario, nanos / 1e9, fields).format());
        out.flush();
    }
}
