package io.floe.client.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerConfig;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rest.TestingJobSubmitter.Submission;
import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.webmonitor.ClusterOverview;
import io.floe.runtime.webmonitor.JobDetails;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the real REST server (over loopback) backed by a testing Dispatcher. */
class RestClusterClientTest {
    private static final int SERVER_LIMIT = 1024 * 1024;

    @TempDir
    static Path uploads;

    @TempDir
    static Path jars;

    private static RestServerFixture fixture;
    private static RestClusterClient client;

    @BeforeAll
    static void start() throws IOException {
        fixture = new RestServerFixture(uploads, SERVER_LIMIT, Map.of(), Clock.systemUTC());
        client = new RestClusterClient(
                "127.0.0.1", fixture.server.getPort(), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stop() {
        client.close();
        fixture.close();
    }

    private static JobGraph jobGraph(String name) {
        return RestServerFixture.jobGraph(name, Map.of("parallelism", "2"));
    }

    private static Path jar(String name, int size) throws IOException {
        return Files.write(jars.resolve(name), RestServerFixture.jarOf(size));
    }

    @Test
    void submitsTheGraphWithItsJarAndListsTheJob() throws Exception {
        JobGraph graph = jobGraph("word count");
        Path jar = jar("wordcount.jar", 200_000);

        JobId jobId = client.submitJob(graph, List.of(jar));

        assertEquals(graph.jobId(), jobId);
        Submission submission = fixture.submitter.submissions().stream()
                .filter(s -> s.jobGraph().jobId().equals(jobId))
                .findFirst()
                .orElseThrow();
        assertEquals(graph, submission.jobGraph());
        assertArrayEquals(Files.readAllBytes(jar), submission.jarsByName().get("wordcount.jar"));
        assertEquals(List.of(), fixture.leftoverUploads());

        JobDetails listed = client.listJobs().stream()
                .filter(j -> j.jobId().equals(jobId))
                .findFirst()
                .orElseThrow();
        assertEquals("word count", listed.jobName());
        assertEquals(JobStatus.RUNNING, listed.status());
        assertTrue(listed.startTime() > 0);
        assertEquals(-1, listed.endTime());
        assertEquals(JobStatus.RUNNING, client.getJobStatus(jobId));
    }

    @Test
    void sendsTheClustersCredentialWhichAServerThatAsksForItNeeds(@TempDir Path otherUploads) throws Exception {
        ClusterSecret secret = ClusterSecret.generate();
        try (RestServerFixture guarded = new RestServerFixture(
                        new RestServerConfig("127.0.0.1", 0, SERVER_LIMIT, otherUploads).withMutationSecret(secret),
                        Map.of(),
                        Clock.systemUTC());
                RestClusterClient withCredential = new RestClusterClient(
                        "127.0.0.1",
                        guarded.server.getPort(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        RestAuthorization.headerValue(secret));
                RestClusterClient without = new RestClusterClient(
                        "127.0.0.1", guarded.server.getPort(), Duration.ofSeconds(5), Duration.ofSeconds(10))) {
            JobId jobId = withCredential.submitJob(jobGraph("guarded"), List.of());
            RestClientException refused = assertThrows(RestClientException.class, () -> without.cancelJob(jobId));
            assertTrue(refused.getMessage().contains("cluster secret"), refused.getMessage());
            assertTrue(guarded.dispatcher.cancelledJobs().isEmpty(), "the refused call changed nothing");
            assertEquals(1, without.listJobs().size(), "reads need no credential");
            withCredential.cancelJob(jobId);
            assertTrue(guarded.dispatcher.cancelledJobs().contains(jobId));
        }
    }

    @Test
    void cancelsAJob() throws Exception {
        JobId jobId = client.submitJob(jobGraph("to cancel"), List.of());

        client.cancelJob(jobId);

        assertTrue(fixture.dispatcher.cancelledJobs().contains(jobId));
        assertEquals(JobStatus.CANCELLING, client.getJobStatus(jobId));
    }

    @Test
    void pollsTheResultUntilTheJobHasEnded() throws Exception {
        JobId jobId = client.submitJob(jobGraph("short job"), List.of());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.schedule(
                    () -> fixture.dispatcher.endJob(jobId, JobStatus.FINISHED, System.currentTimeMillis(), null),
                    150,
                    TimeUnit.MILLISECONDS);

            JobResult result = client.requestJobResult(jobId);

            assertEquals(JobStatus.FINISHED, result.status());
            assertEquals(jobId, result.jobId());
            assertEquals("short job", result.jobName());
            assertTrue(result.netRuntimeMillis() >= 0);
            assertNull(result.error());
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void theResultOfAFailedJobNamesTheUsersException() throws Exception {
        JobId jobId = client.submitJob(jobGraph("failing job"), List.of());
        fixture.dispatcher.endJob(
                jobId,
                JobStatus.FAILED,
                System.currentTimeMillis(),
                new ErrorInfo(
                        "com.example.UserException",
                        "bad record 42",
                        "com.example.UserException: bad record 42\n\tat com.example.Job.map(Job.java:7)"));

        JobResult result = client.requestJobResult(jobId);

        assertEquals(JobStatus.FAILED, result.status());
        assertEquals("com.example.UserException: bad record 42", result.error().toString());
        assertTrue(result.error().stackTrace().contains("Job.map"));
    }

    @Test
    void reportsTheOverview() throws Exception {
        fixture.dispatcher.addTaskManager(
                new TaskManagerInfo(new ResourceId("tm"), "tm:1/taskmanager", "tm", 2, 0, 4, 1));

        ClusterOverview overview = client.getOverview();

        assertTrue(overview.taskManagers() >= 1);
        assertTrue(overview.slotsTotal() >= 4);
    }

    @Test
    void anUnknownJobFailsWithTheServersMessage() {
        JobId unknown = JobId.generate();

        RestClientException failure = assertThrows(RestClientException.class, () -> client.getJobStatus(unknown));

        assertEquals("Job " + unknown + " is not known to this cluster.", failure.getMessage());
        assertEquals(404, failure.getHttpStatus());
        assertThrows(RestClientException.class, () -> client.cancelJob(unknown));
        assertThrows(RestClientException.class, () -> client.requestJobResult(unknown));
    }

    @Test
    void aSubmissionOverTheServersLimitFailsWithItsMessage() throws IOException {
        Path big = jar("too-big.jar", 2 * SERVER_LIMIT);

        RestClientException failure =
                assertThrows(RestClientException.class, () -> client.submitJob(jobGraph("too big"), List.of(big)));

        assertEquals(413, failure.getHttpStatus());
        assertTrue(failure.getMessage().contains("rest.server.max-content-length"), failure.getMessage());
        assertEquals(List.of(), fixture.leftoverUploads());
    }

    @Test
    void aMissingJarFailsBeforeAnythingIsSent() {
        RestClientException failure = assertThrows(
                RestClientException.class,
                () -> client.submitJob(jobGraph("no jar"), List.of(jars.resolve("nowhere.jar"))));

        assertTrue(failure.getMessage().startsWith("Job jar "), failure.getMessage());
        assertTrue(failure.getMessage().contains("nowhere.jar"), failure.getMessage());
    }

    @Test
    void noServerMeansAClearHint() throws IOException {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (RestClusterClient nowhere =
                new RestClusterClient("127.0.0.1", freePort, Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            ClusterUnreachableException failure = assertThrows(ClusterUnreachableException.class, nowhere::listJobs);

            assertTrue(
                    failure.getMessage()
                            .startsWith("Cannot reach the Floe REST endpoint at http://127.0.0.1:" + freePort + " ("),
                    failure.getMessage());
            assertTrue(
                    failure.getMessage().endsWith("); is the cluster running? (-m / rest.address, rest.port)"),
                    failure.getMessage());
        }
    }
}
