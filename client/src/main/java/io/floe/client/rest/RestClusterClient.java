package io.floe.client.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.messages.ClusterOverviewInfo;
import io.floe.runtime.rest.messages.EmptyResponseBody;
import io.floe.runtime.rest.messages.JobDetailsResponseBody;
import io.floe.runtime.rest.messages.JobExecutionResultResponseBody;
import io.floe.runtime.rest.messages.JobStatusInfo;
import io.floe.runtime.rest.messages.JobSubmitRequestBody;
import io.floe.runtime.rest.messages.JobSubmitResponseBody;
import io.floe.runtime.rest.messages.MultipleJobsDetails;
import io.floe.runtime.rest.messages.RestJsonMapper;
import io.floe.runtime.rest.messages.SavepointMessages;
import io.floe.runtime.util.ExponentialBackoff;
import io.floe.runtime.webmonitor.ClusterOverview;
import io.floe.runtime.webmonitor.JobDetails;
import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks to a running cluster through its REST endpoint: submit, list, watch and cancel jobs.
 *
 * <p>Every method blocks the calling thread until the server answered (or, for
 * {@link #requestJobResult}, until the job ended) and fails with a {@link RestClientException} whose
 * message is one line for the user; {@link ClusterUnreachableException} when nothing answers.
 * Thread-safe. Close it to stop its HTTP threads.
 */
public final class RestClusterClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RestClusterClient.class);
    /** Flink's {@code rest.client.max-content-length} default: 100 MiB. */
    public static final long DEFAULT_MAX_CONTENT_LENGTH = 104_857_600L;

    private static final String UNKNOWN_JOB_NAME = "(unnamed)";

    private final JsonHttpTransport transport;
    private final ObjectMapper mapper;
    private final JobResultConverter resultConverter;
    /** For {@code /execution-result}: 10 ms, doubling to 500 ms. */
    static final ExponentialBackoff JOB_RESULT_POLLING =
            new ExponentialBackoff(Duration.ofMillis(10), Duration.ofMillis(500));

    private final ExponentialBackoff resultPolling;
    private volatile LeaderLookup leaderLookup;
    private volatile Duration leaderPatience = Duration.ZERO;

    /** Where the cluster's REST endpoint is now, as its deployment knows (ZooKeeper, YARN's report). */
    @FunctionalInterface
    public interface LeaderLookup {
        /** {@code http://host:port}, or null if no JobManager leads at the moment. */
        String restUrl() throws Exception;
    }

    /**
     * @param host the REST address ({@code rest.address}, or the host of {@code -m})
     * @param port the REST port ({@code rest.port})
     * @param connectTimeout how long to wait for a connection
     * @param requestTimeout how long to wait for each answer ({@code client.timeout})
     */
    public RestClusterClient(String host, int port, Duration connectTimeout, Duration requestTimeout) {
        this(host, port, connectTimeout, requestTimeout, null);
    }

    /**
     * @param authorization the cluster's {@link io.floe.runtime.security.RestAuthorization} header value,
     *     which calls that change the cluster need; null if the client has none
     */
    public RestClusterClient(
            String host, int port, Duration connectTimeout, Duration requestTimeout, String authorization) {
        this(host, port, connectTimeout, requestTimeout, DEFAULT_MAX_CONTENT_LENGTH, JOB_RESULT_POLLING, authorization);
    }

    /**
     * @param maxContentLength the largest answer accepted ({@code rest.client.max-content-length})
     * @param resultPolling the delays between polls of a job's result
     */
    public RestClusterClient(
            String host,
            int port,
            Duration connectTimeout,
            Duration requestTimeout,
            long maxContentLength,
            ExponentialBackoff resultPolling,
            String authorization) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("The REST address (rest.address) is empty.");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(
                    "The REST port (rest.port) must be between 1 and 65535, not " + port + ".");
        }
        this.mapper = RestJsonMapper.create();
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.transport = new JsonHttpTransport(
                "http://" + authority + ":" + port,
                connectTimeout,
                requestTimeout,
                maxContentLength,
                mapper,
                authorization);
        this.resultConverter = new JobResultConverter(mapper);
        this.resultPolling = resultPolling;
    }

    /**
     * Lets {@link #requestJobResult} outlive a failover: when the REST endpoint stops answering, the
     * client asks {@code lookup} where the leader is now and waits there, for at most
     * {@code patience} without an answer from any leader.
     */
    public RestClusterClient followingLeader(LeaderLookup lookup, Duration patience) {
        this.leaderLookup = lookup;
        this.leaderPatience = patience;
        return this;
    }

    /** {@code http://host:port}, the address of the REST API and dashboard. */
    public String getWebInterfaceUrl() {
        return transport.baseUrl();
    }

    /**
     * Uploads the job graph and its jars in one multipart {@code POST /jobs}.
     *
     * @param jars the job's jar files; their file names must differ
     * @return the job's id once the cluster accepted the job
     */
    public JobId submitJob(JobGraph jobGraph, List<Path> jars) throws RestClientException {
        String graphFileName = "floe-jobgraph-" + jobGraph.jobId() + ".json";
        List<String> jarNames = jarNames(jars, graphFileName);
        MultipartBody body = new MultipartBody();
        try {
            body.addJsonField(
                    JobSubmitRequestBody.FORM_FIELD,
                    mapper.writeValueAsString(new JobSubmitRequestBody(graphFileName, jarNames, List.of())));
            body.addFile("file_0", graphFileName, mapper.writeValueAsBytes(jobGraph));
            for (int i = 0; i < jars.size(); i++) {
                body.addFile("file_" + (i + 1), jars.get(i));
            }
        } catch (JsonProcessingException e) {
            throw new RestClientException(
                    "Could not encode job " + jobGraph.jobId() + " as JSON: " + e.getOriginalMessage(), e);
        } catch (FileNotFoundException e) {
            throw new RestClientException("Cannot read job jar: " + e.getMessage(), e);
        }
        LOG.info(
                "Submitting job '{}' ({}) with {} jar(s) to {}",
                jobGraph.jobName(),
                jobGraph.jobId(),
                jars.size(),
                getWebInterfaceUrl());
        transport.send("POST", "/jobs", body.publisher(), body.contentType(), JobSubmitResponseBody.class);
        return jobGraph.jobId();
    }

    private static List<String> jarNames(List<Path> jars, String graphFileName) throws RestClientException {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(graphFileName));
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new RestClientException(
                        "Job jar " + jar + " does not exist or is not a file.", RestClientException.NO_STATUS);
            }
            String name = jar.getFileName().toString();
            if (!seen.add(name)) {
                throw new RestClientException(
                        "Two job jars are named " + name + "; rename one of them.", RestClientException.NO_STATUS);
            }
            names.add(name);
        }
        return names;
    }

    /** {@code GET /jobs/:jobid/status}. */
    public JobStatus getJobStatus(JobId jobId) throws RestClientException {
        JobStatusInfo info = transport.send("GET", "/jobs/" + jobId + "/status", null, null, JobStatusInfo.class);
        return parseStatus(info.status());
    }

    /**
     * Polls {@code GET /jobs/:jobid/execution-result} (10 ms, doubling to 500 ms) until the job has
     * ended, and returns how it ended. Blocks for as long as the job runs; interrupting the thread
     * ends the wait with a {@link RestClientException} and keeps the interrupt flag.
     */
    public JobResult requestJobResult(JobId jobId) throws RestClientException {
        Duration delay = null;
        long unansweredSince = 0; // (nanoTime) while the leader's REST does not answer for the job; 0 while it does
        while (true) {
            JobExecutionResultResponseBody answer;
            try {
                answer = transport.send(
                        "GET",
                        "/jobs/" + jobId + "/execution-result",
                        null,
                        null,
                        JobExecutionResultResponseBody.class);
                unansweredSince = 0;
            } catch (RestClientException e) {
                boolean failover = isFailover(e, unansweredSince != 0);
                if (leaderLookup == null || !failover) {
                    throw e;
                }
                if (unansweredSince == 0) {
                    unansweredSince = System.nanoTime();
                    LOG.info("The REST endpoint at {} does not answer; looking for the leader", transport.baseUrl());
                } else if (System.nanoTime() - unansweredSince > leaderPatience.toNanos()) {
                    throw e;
                }
                followLeader();
                answer = null;
            }
            if (answer != null
                    && answer.status() != null
                    && JobExecutionResultResponseBody.COMPLETED.equals(
                            answer.status().id())
                    && answer.result() != null) {
                Optional<JobStatus> status =
                        JobResultConverter.finalStatus(answer.result().applicationStatus());
                if (status.isPresent()) {
                    return resultConverter.toJobResult(jobId, jobName(jobId), status.get(), answer.result());
                }
            }
            delay = resultPolling.next(delay);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestClientException("Interrupted while waiting for the result of job " + jobId + ".", e);
            }
        }
    }

    /**
     * Whether {@code e} may mean that another JobManager leads now: nothing answers, the connection
     * broke or timed out (a dead or paused leader), a standby answers (307 to the leader, or 503 while
     * none leads), or, once a failover began, a leader that has not recovered the job yet (404).
     */
    private static boolean isFailover(RestClientException e, boolean failingOver) {
        int status = e.getHttpStatus();
        return e instanceof ClusterUnreachableException
                || (status == RestClientException.NO_STATUS && e.getCause() instanceof java.io.IOException)
                || status == 307
                || status == 503
                || (failingOver && status == 404);
    }

    private void followLeader() {
        try {
            String now = leaderLookup.restUrl();
            if (now != null && !now.equals(transport.baseUrl())) {
                LOG.info("Another JobManager leads now: following it to {}", now);
                transport.relocate(now);
            }
        } catch (Exception e) {
            LOG.debug("Could not look up the leader: {}", e.toString());
        }
    }

    /** The execution result has no name; the job's details do. Best effort: the result matters more. */
    private String jobName(JobId jobId) {
        try {
            return transport
                    .send("GET", "/jobs/" + jobId, null, null, JobDetailsResponseBody.class)
                    .name();
        } catch (RestClientException e) {
            LOG.debug("Could not read the name of job {}: {}", jobId, e.getMessage());
            return UNKNOWN_JOB_NAME;
        }
    }

    /** {@code GET /jobs/overview}: id, name, state, start and end time and task count of every job. */
    public List<JobDetails> listJobs() throws RestClientException {
        MultipleJobsDetails details = transport.send("GET", "/jobs/overview", null, null, MultipleJobsDetails.class);
        List<JobDetails> jobs = new ArrayList<>();
        for (MultipleJobsDetails.JobOverview job : details.jobs()) {
            Integer total = job.tasks() == null ? null : job.tasks().get("total");
            jobs.add(new JobDetails(
                    parseJobId(job.jobId()),
                    job.name(),
                    parseStatus(job.state()),
                    job.startTime(),
                    job.endTime(),
                    total == null ? 0 : total));
        }
        return jobs;
    }

    /** {@code PATCH /jobs/:jobid?mode=cancel}; returns once the cluster accepted, before the job is CANCELED. */
    public void cancelJob(JobId jobId) throws RestClientException {
        transport.send("PATCH", "/jobs/" + jobId + "?mode=cancel", null, null, EmptyResponseBody.class);
        LOG.info("Cancellation of job {} accepted", jobId);
    }

    /**
     * {@code POST /jobs/:jobid/savepoints}, then polls {@code /jobs/:jobid/savepoints/:triggerid}
     * until the savepoint completed; returns its path.
     *
     * @throws RestClientException with the cluster's reason when the savepoint failed
     */
    public String triggerSavepoint(JobId jobId, String targetDirectory, boolean cancelJob) throws RestClientException {
        SavepointMessages.TriggerResponse trigger = transport.send(
                "POST",
                "/jobs/" + jobId + "/savepoints",
                json(new SavepointMessages.TriggerRequest(targetDirectory, cancelJob)),
                "application/json",
                SavepointMessages.TriggerResponse.class);
        return awaitSavepoint(jobId, trigger.requestId());
    }

    /** {@code POST /jobs/:jobid/stop}, then polls until the savepoint completed; returns its path. */
    public String stopWithSavepoint(JobId jobId, String targetDirectory, boolean drain) throws RestClientException {
        SavepointMessages.TriggerResponse trigger = transport.send(
                "POST",
                "/jobs/" + jobId + "/stop",
                json(new SavepointMessages.StopRequest(targetDirectory, drain)),
                "application/json",
                SavepointMessages.TriggerResponse.class);
        return awaitSavepoint(jobId, trigger.requestId());
    }

    private String awaitSavepoint(JobId jobId, String triggerId) throws RestClientException {
        Duration delay = null;
        while (true) {
            SavepointMessages.StatusResponse answer = transport.send(
                    "GET",
                    "/jobs/" + jobId + "/savepoints/" + triggerId,
                    null,
                    null,
                    SavepointMessages.StatusResponse.class);
            if (answer.status() != null && "COMPLETED".equals(answer.status().id()) && answer.operation() != null) {
                if (answer.operation().location() != null) {
                    return answer.operation().location();
                }
                SavepointMessages.FailureCause cause = answer.operation().failureCause();
                throw new RestClientException(
                        "The savepoint of job " + jobId + " failed: "
                                + (cause == null ? "no reason given" : cause.stackTrace()),
                        RestClientException.NO_STATUS);
            }
            delay = resultPolling.next(delay);
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestClientException("Interrupted while waiting for the savepoint of job " + jobId + ".", e);
            }
        }
    }

    private BodyPublisher json(Object body) throws RestClientException {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new RestClientException("Cannot write the request: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code DELETE /cluster}: asks the cluster to shut down; returns once it accepted, before it has. */
    public void shutDownCluster() throws RestClientException {
        transport.send("DELETE", "/cluster", null, null, EmptyResponseBody.class);
        LOG.info("Shutdown of the cluster accepted");
    }

    /** {@code GET /overview}: TaskManagers, slots and jobs by state. */
    public ClusterOverview getOverview() throws RestClientException {
        ClusterOverviewInfo info = transport.send("GET", "/overview", null, null, ClusterOverviewInfo.class);
        return new ClusterOverview(
                info.taskManagers(),
                info.slotsTotal(),
                info.slotsAvailable(),
                info.jobsRunning(),
                info.jobsFinished(),
                info.jobsCancelled(),
                info.jobsFailed());
    }

    private static JobStatus parseStatus(String status) throws RestClientException {
        try {
            return JobStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RestClientException(
                    "The cluster reported an unknown job status '" + status + "'.", RestClientException.NO_STATUS);
        }
    }

    private static JobId parseJobId(String id) throws RestClientException {
        try {
            return new JobId(id);
        } catch (IllegalArgumentException e) {
            throw new RestClientException(
                    "The cluster reported a malformed job id '" + id + "'.", RestClientException.NO_STATUS);
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
