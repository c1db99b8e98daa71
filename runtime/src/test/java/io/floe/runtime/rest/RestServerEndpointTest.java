package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.execution.ErrorInfo;
import io.floe.runtime.rest.RestServerFixture.Answer;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.webmonitor.ExceptionHistoryEntry;
import io.floe.runtime.webmonitor.JobVertexInfo;
import io.floe.runtime.webmonitor.TaskManagerInfo;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint over real HTTP: status codes, Flink's field names and the error contract. */
class RestServerEndpointTest {
    private static final long NOW = 1_700_000_100_000L;
    private static final long START = 1_700_000_000_000L;

    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;

    @BeforeAll
    static void startServer() throws IOException {
        fixture = new RestServerFixture(
                uploads,
                1024 * 1024,
                Map.of("rest.port", "8081", "jobmanager.rpc.address", "jm-host"),
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    private static JobId runningJob(String name, int tasks) {
        JobId jobId = JobId.generate();
        fixture.dispatcher.addRunningJob(jobId, name, tasks, START);
        return jobId;
    }

    @Test
    void overviewReportsTaskManagersSlotsJobsAndVersion() {
        fixture.dispatcher.addTaskManager(new TaskManagerInfo(
                new ResourceId("tm-1"), "tm-host:6122/taskmanager", "tm-host", 6121, NOW - 500, 4, 3));
        runningJob("overview", 1);

        Answer answer = fixture.get("/overview");

        assertEquals(200, answer.status());
        assertFields(
                answer.body(),
                "taskmanagers",
                "slots-total",
                "slots-available",
                "jobs-running",
                "jobs-finished",
                "jobs-cancelled",
                "jobs-failed",
                "flink-version",
                "flink-commit");
        assertTrue(answer.body().get("taskmanagers").asInt() >= 1);
        assertTrue(answer.body().get("jobs-running").asInt() >= 1);
        assertEquals("floe-0.1.0", answer.body().get("flink-version").asText());
        assertEquals(
                "application/json; charset=UTF-8",
                answer.headers().get("content-type").get(0));
    }

    @Test
    void servesTheApiUnderTheVersionPrefixToo() {
        assertEquals(200, fixture.get("/v1/overview").status());
    }

    @Test
    void configDescribesTheServerForDashboards() {
        Answer answer = fixture.get("/config");

        assertEquals(200, answer.status());
        assertFields(
                answer.body(),
                "refresh-interval",
                "timezone-name",
                "timezone-offset",
                "flink-version",
                "flink-revision",
                "features");
        assertFields(answer.body().get("features"), "web-submit", "web-cancel", "web-rescale", "web-history");
        assertEquals(0, answer.body().get("timezone-offset").asLong());
        assertTrue(answer.body().get("features").get("web-cancel").asBoolean());
    }

    @Test
    void jobManagerConfigListsKeyValuePairsSortedByKey() {
        Answer answer = fixture.get("/jobmanager/config");

        assertEquals(200, answer.status());
        assertTrue(answer.body().isArray());
        assertEquals(2, answer.body().size());
        assertFields(answer.body().get(0), "key", "value");
        assertEquals("jobmanager.rpc.address", answer.body().get(0).get("key").asText());
        assertEquals("8081", answer.body().get(1).get("value").asText());
    }

    @Test
    void jobsListsIdsWithStatus() {
        JobId jobId = runningJob("listed", 2);

        Answer answer = fixture.get("/jobs");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "jobs");
        JsonNode job = find(answer.body().get("jobs"), "id", jobId.value());
        assertFields(job, "id", "status");
        assertEquals("RUNNING", job.get("status").asText());
    }

    @Test
    void jobsOverviewSummarizesEveryJob() {
        JobId running = runningJob("running job", 3);
        JobId finished = runningJob("finished job", 2);
        fixture.dispatcher.endJob(finished, JobStatus.FINISHED, START + 4000, null);

        Answer answer = fixture.get("/jobs/overview");

        assertEquals(200, answer.status());
        JsonNode job = find(answer.body().get("jobs"), "jid", running.value());
        assertFields(job, "jid", "name", "state", "start-time", "end-time", "duration", "last-modification", "tasks");
        assertEquals("running job", job.get("name").asText());
        assertEquals("RUNNING", job.get("state").asText());
        assertEquals(START, job.get("start-time").asLong());
        assertEquals(-1, job.get("end-time").asLong());
        assertEquals(NOW - START, job.get("duration").asLong());
        assertEquals(3, job.get("tasks").get("total").asInt());
        assertEquals(3, job.get("tasks").get("running").asInt());
        assertTrue(job.get("tasks").has("canceling") && job.get("tasks").has("reconciling"));

        JsonNode ended = find(answer.body().get("jobs"), "jid", finished.value());
        assertEquals(4000, ended.get("duration").asLong());
        assertEquals(START + 4000, ended.get("last-modification").asLong());
        assertEquals(2, ended.get("tasks").get("finished").asInt());
    }

    @Test
    void jobDetailsShowStateTimestampsAndVertices() {
        JobId jobId = runningJob("detailed", 2);
        fixture.dispatcher.setVertices(
                jobId,
                List.of(new JobVertexInfo(
                        "v1",
                        "Source: numbers -> Map",
                        2,
                        "RUNNING",
                        START + 10,
                        -1,
                        Map.of("RUNNING", 1, "DEPLOYING", 1))));

        Answer answer = fixture.get("/jobs/" + jobId);

        assertEquals(200, answer.status());
        JsonNode body = answer.body();
        assertFields(
                body,
                "jid",
                "name",
                "isStoppable",
                "state",
                "start-time",
                "end-time",
                "duration",
                "now",
                "timestamps",
                "vertices",
                "status-counts");
        assertEquals(jobId.value(), body.get("jid").asText());
        assertFalse(body.get("isStoppable").asBoolean());
        assertEquals(NOW, body.get("now").asLong());
        assertEquals(START, body.get("timestamps").get("RUNNING").asLong());
        assertEquals(0, body.get("timestamps").get("FINISHED").asLong());
        assertEquals(1, body.get("status-counts").get("RUNNING").asInt());
        assertEquals(0, body.get("status-counts").get("FAILED").asInt());
        JsonNode vertex = body.get("vertices").get(0);
        assertFields(vertex, "id", "name", "parallelism", "status", "start-time", "end-time", "duration", "tasks");
        assertEquals(2, vertex.get("parallelism").asInt());
        assertEquals(NOW - START - 10, vertex.get("duration").asLong());
        assertEquals(1, vertex.get("tasks").get("DEPLOYING").asInt());
        assertEquals(0, vertex.get("tasks").get("FINISHED").asInt());
    }

    @Test
    void jobStatusNamesTheState() {
        JobId jobId = runningJob("status", 1);

        Answer answer = fixture.get("/jobs/" + jobId + "/status");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "status");
        assertEquals("RUNNING", answer.body().get("status").asText());
    }

    @Test
    void jobExceptionsPutTheNewestFailureFirst() {
        JobId jobId = runningJob("failing", 1);
        ErrorInfo newest = new ErrorInfo(
                "java.lang.IllegalStateException",
                "boom",
                "java.lang.IllegalStateException: boom\n\tat Job.map(Job.java:1)");
        ErrorInfo older = new ErrorInfo("java.io.IOException", "disk", "java.io.IOException: disk\n\tat X");
        fixture.dispatcher.setExceptions(
                jobId,
                List.of(
                        new ExceptionHistoryEntry(newest, START + 20, "Map (1/1)", "tm-host:6121"),
                        new ExceptionHistoryEntry(older, START + 10, null, null)));

        Answer answer = fixture.get("/jobs/" + jobId + "/exceptions");

        assertEquals(200, answer.status());
        JsonNode body = answer.body();
        assertFields(body, "root-exception", "timestamp", "all-exceptions", "truncated", "exceptionHistory");
        assertTrue(body.get("root-exception").asText().startsWith("java.lang.IllegalStateException: boom"));
        assertEquals(START + 20, body.get("timestamp").asLong());
        assertEquals(2, body.get("all-exceptions").size());
        assertFields(body.get("exceptionHistory"), "entries", "truncated");
        JsonNode entry = body.get("exceptionHistory").get("entries").get(0);
        assertFields(
                entry,
                "exceptionName",
                "stacktrace",
                "timestamp",
                "taskName",
                "location",
                "failureLabels",
                "concurrentExceptions");
        assertEquals(
                "java.lang.IllegalStateException", entry.get("exceptionName").asText());
        assertEquals("Map (1/1)", entry.get("taskName").asText());
        assertFalse(body.get("exceptionHistory").get("entries").get(1).has("taskName"));
    }

    @Test
    void jobExceptionsOfAHealthyJobHaveNoRoot() {
        JobId jobId = runningJob("healthy", 1);

        Answer answer = fixture.get("/jobs/" + jobId + "/exceptions");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "all-exceptions", "truncated", "exceptionHistory");
    }

    @Test
    void executionResultIsInProgressWhileTheJobRuns() {
        JobId jobId = runningJob("still running", 1);

        Answer answer = fixture.get("/jobs/" + jobId + "/execution-result");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "status");
        assertEquals("IN_PROGRESS", answer.body().get("status").get("id").asText());
    }

    @Test
    void executionResultOfAFinishedJobSucceeded() {
        JobId jobId = runningJob("done", 1);
        fixture.dispatcher.endJob(jobId, JobStatus.FINISHED, START + 1234, null);

        Answer answer = fixture.get("/jobs/" + jobId + "/execution-result");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "status", "job-execution-result");
        assertEquals("COMPLETED", answer.body().get("status").get("id").asText());
        JsonNode result = answer.body().get("job-execution-result");
        assertFields(result, "id", "application-status", "accumulator-results", "net-runtime");
        assertEquals(jobId.value(), result.get("id").asText());
        assertEquals("SUCCEEDED", result.get("application-status").asText());
        assertEquals(1234, result.get("net-runtime").asLong());
    }

    @Test
    void executionResultOfAFailedJobCarriesTheCause() throws IOException {
        JobId jobId = runningJob("broken", 1);
        fixture.dispatcher.endJob(
                jobId,
                JobStatus.FAILED,
                START + 10,
                new ErrorInfo(
                        "com.example.UserException",
                        "bad record 42",
                        "com.example.UserException: bad record 42\n\tat com.example.Job.map(Job.java:7)"));

        JsonNode result =
                fixture.get("/jobs/" + jobId + "/execution-result").body().get("job-execution-result");

        assertEquals("FAILED", result.get("application-status").asText());
        JsonNode cause = result.get("failure-cause");
        assertFields(cause, "class", "stack-trace", "serialized-throwable");
        assertEquals("com.example.UserException", cause.get("class").asText());
        assertTrue(cause.get("stack-trace").asText().contains("Job.map"));
        JsonNode serialized = RestServerFixture.MAPPER.readTree(
                Base64.getDecoder().decode(cause.get("serialized-throwable").asText()));
        assertEquals("bad record 42", serialized.get("message").asText());
    }

    @Test
    void executionResultOfACanceledJob() {
        JobId jobId = runningJob("cancelled", 1);
        fixture.dispatcher.endJob(jobId, JobStatus.CANCELED, START + 10, null);

        JsonNode result =
                fixture.get("/jobs/" + jobId + "/execution-result").body().get("job-execution-result");

        assertEquals("CANCELED", result.get("application-status").asText());
        assertFalse(result.has("failure-cause"));
    }

    @Test
    void taskManagersListEveryRegisteredTaskManager() {
        fixture.dispatcher.addTaskManager(new TaskManagerInfo(
                new ResourceId("tm-listed"), "tm-2:6122/taskmanager", "tm-2", 7000, NOW - 100, 2, 1));

        Answer answer = fixture.get("/taskmanagers");

        assertEquals(200, answer.status());
        assertFields(answer.body(), "taskmanagers");
        JsonNode tm = find(answer.body().get("taskmanagers"), "id", "tm-listed");
        assertFields(
                tm,
                "id",
                "path",
                "dataPort",
                "jmxPort",
                "timeSinceLastHeartbeat",
                "slotsNumber",
                "freeSlots",
                "totalResource",
                "freeResource",
                "hardware",
                "blocked");
        assertEquals("tm-2:6122/taskmanager", tm.get("path").asText());
        assertEquals(7000, tm.get("dataPort").asInt());
        assertEquals(NOW - 100, tm.get("timeSinceLastHeartbeat").asLong());
        assertEquals(2, tm.get("slotsNumber").asInt());
        assertEquals(1, tm.get("freeSlots").asInt());
    }

    @Test
    void patchWithModeCancelCancelsTheJob() {
        JobId jobId = runningJob("to cancel", 1);

        Answer answer = patch("/jobs/" + jobId + "?mode=cancel");

        assertEquals(202, answer.status());
        assertEquals(0, answer.body().size());
        assertTrue(fixture.dispatcher.cancelledJobs().contains(jobId));
    }

    @Test
    void patchWithoutModeOrWithAnotherModeIsABadRequest() {
        JobId jobId = runningJob("not cancelled", 1);

        assertError(patch("/jobs/" + jobId), 400, "mode");
        assertError(patch("/jobs/" + jobId + "?mode=stop"), 400, "'stop'");
        assertError(patch("/jobs/" + jobId + "?mode=cancel&mode=cancel"), 400, "once");
        assertFalse(fixture.dispatcher.cancelledJobs().contains(jobId));
    }

    @Test
    void unknownPathIsNotFound() {
        assertError(fixture.get("/nothing/here"), 404, "/nothing/here");
        assertError(fixture.get("/jobs/" + JobId.generate() + "/vertices"), 404, "Not found");
    }

    @Test
    void unknownJobIsNotFoundOnEveryJobPath() {
        JobId unknown = JobId.generate();
        String message = "Job " + unknown + " is not known to this cluster.";
        for (String suffix : List.of("", "/status", "/exceptions", "/execution-result")) {
            assertError(fixture.get("/jobs/" + unknown + suffix), 404, message);
        }
        assertError(patch("/jobs/" + unknown + "?mode=cancel"), 404, message);
    }

    @Test
    void unknownJobReportedOverRpcIsNotFoundToo(@TempDir Path otherUploads) throws IOException {
        try (RestServerFixture remote = new RestServerFixture(otherUploads, 1024, Map.of(), Clock.systemUTC())) {
            remote.dispatcher.failUnknownJobsRemotely();
            JobId unknown = JobId.generate();

            assertError(remote.get("/jobs/" + unknown + "/status"), 404, "is not known");
        }
    }

    @Test
    void malformedJobIdIsABadRequest() {
        assertError(fixture.get("/jobs/not-a-job-id"), 400, "'not-a-job-id'");
        assertError(fixture.get("/jobs/abc/status"), 400, "32 hex digits");
        assertError(patch("/jobs/" + "g".repeat(32) + "?mode=cancel"), 400, "32 hex digits");
    }

    @Test
    void upperCaseJobIdIsAccepted() {
        JobId jobId = runningJob("upper", 1);

        assertEquals(
                200,
                fixture.get("/jobs/" + jobId.value().toUpperCase() + "/status").status());
    }

    @Test
    void malformedQueryIsABadRequest() {
        Answer answer =
                fixture.sendRaw(("GET /jobs?broken=%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));

        assertError(answer, 400, "Malformed request URI");
    }

    @Test
    void wrongMethodOnAKnownPathIsNotAllowed() {
        Answer answer = fixture.send("DELETE", "/overview", HttpRequest.BodyPublishers.noBody(), null);

        assertError(answer, 405, "DELETE");
        assertEquals("GET", answer.headers().get("allow").get(0));
        Answer jobs = fixture.send("PUT", "/jobs", HttpRequest.BodyPublishers.noBody(), null);
        assertError(jobs, 405, "allowed: GET, POST");
    }

    @Test
    void internalFailureIsAServerErrorWithoutStackTrace(@TempDir Path otherUploads) throws IOException {
        try (RestServerFixture broken = new RestServerFixture(otherUploads, 1024, Map.of(), Clock.systemUTC())) {
            broken.dispatcher.failClusterOverview(new IllegalStateException("ResourceManager is not reachable"));

            Answer answer = broken.get("/overview");

            assertError(answer, 500, "ResourceManager is not reachable");
            assertFalse(answer.body().toString().contains("\\tat "));
        }
    }

    @Test
    void aKeptAliveConnectionServesManyRequests() {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, fixture.get("/config").status());
        }
    }

    @Test
    void startingTwiceOrOnATakenPortFailsClearly(@TempDir Path otherUploads) {
        assertThrows(IllegalStateException.class, fixture.server::start);
        RestServerEndpoint clash = new RestServerEndpoint(
                new RestServerConfig("127.0.0.1", fixture.server.getPort(), 1024, otherUploads),
                fixture.dispatcher,
                fixture.submitter,
                Map.of());
        IOException failure = assertThrows(IOException.class, clash::start);
        assertTrue(failure.getMessage().contains("127.0.0.1:" + fixture.server.getPort()), failure.getMessage());
        clash.close();
    }

    private static Answer patch(String path) {
        return fixture.send("PATCH", path, HttpRequest.BodyPublishers.noBody(), null);
    }

    static void assertError(Answer answer, int status, String messagePart) {
        assertEquals(status, answer.status(), () -> "answer: " + answer.body());
        assertFields(answer.body(), "errors");
        String message = answer.body().get("errors").get(0).asText();
        assertTrue(message.contains(messagePart), () -> "'" + message + "' should contain '" + messagePart + "'");
    }

    static void assertFields(JsonNode node, String... names) {
        Set<String> actual = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            actual.add(it.next());
        }
        assertEquals(new TreeSet<>(List.of(names)), actual, () -> "fields of " + node);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        List<String> seen = new ArrayList<>();
        for (JsonNode element : array) {
            if (value.equals(element.get(field).asText())) {
                return element;
            }
            seen.add(element.get(field).asText());
        }
        throw new AssertionError("No element with " + field + "=" + value + " in " + seen);
    }
}
