package io.floe.runtime.rest;

import static io.floe.runtime.rest.RestServerEndpointTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.api.ExternalizedCheckpointRetention;
import io.floe.api.JobId;
import io.floe.runtime.checkpoint.CheckpointSettings;
import io.floe.runtime.checkpoint.CheckpointStats;
import io.floe.runtime.checkpoint.CheckpointStatsSnapshot;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint and savepoint endpoints over real HTTP, on a faked Dispatcher: Flink's paths and fields. */
class SavepointEndpointsTest {
    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;

    @BeforeAll
    static void startServer() throws IOException {
        fixture = new RestServerFixture(uploads, 1024 * 1024, Map.of(), Clock.systemUTC());
    }

    @AfterAll
    static void stopServer() {
        fixture.close();
    }

    private static JobId runningJob() {
        JobId jobId = JobId.generate();
        fixture.dispatcher.addRunningJob(jobId, "job", 1, System.currentTimeMillis());
        return jobId;
    }

    private static RestServerFixture.Answer post(String path, String json) {
        return fixture.send("POST", path, HttpRequest.BodyPublishers.ofString(json), "application/json");
    }

    @Test
    void aTriggeredSavepointIsPolledUntilItsLocationIsKnown() {
        JobId jobId = runningJob();
        CompletableFuture<String> savepoint = new CompletableFuture<>();
        fixture.dispatcher.setSavepointAnswer(jobId, savepoint);

        RestServerFixture.Answer triggered =
                post("/jobs/" + jobId + "/savepoints", "{\"target-directory\": \"hdfs:///sp\", \"cancel-job\": true}");
        assertEquals(202, triggered.status(), () -> triggered.body().toString());
        String requestId = triggered.body().get("request-id").asText();
        assertEquals(List.of("savepoint hdfs:///sp cancel=true"), fixture.dispatcher.savepointRequests(jobId));

        JsonNode inProgress =
                fixture.get("/jobs/" + jobId + "/savepoints/" + requestId).body();
        assertEquals("IN_PROGRESS", inProgress.get("status").get("id").asText());

        savepoint.complete("hdfs:///sp/savepoint-abc123-0123456789ab");
        JsonNode done =
                fixture.get("/jobs/" + jobId + "/savepoints/" + requestId).body();
        assertEquals("COMPLETED", done.get("status").get("id").asText());
        assertEquals(
                "hdfs:///sp/savepoint-abc123-0123456789ab",
                done.get("operation").get("location").asText());
    }

    @Test
    void aFailedSavepointReportsItsCauseAndStopTakesFlinksBody() {
        JobId jobId = runningJob();
        fixture.dispatcher.setSavepointAnswer(
                jobId,
                CompletableFuture.failedFuture(
                        new IllegalStateException("No savepoint directory: give one, or set state.savepoints.dir")));

        RestServerFixture.Answer stopped = post("/jobs/" + jobId + "/stop", "{\"drain\": false}");
        assertEquals(202, stopped.status());
        assertEquals(List.of("stop null"), fixture.dispatcher.savepointRequests(jobId));
        JsonNode failed = fixture.get("/jobs/" + jobId + "/savepoints/"
                        + stopped.body().get("request-id").asText())
                .body();
        assertEquals("COMPLETED", failed.get("status").get("id").asText());
        assertTrue(
                failed.get("operation")
                        .get("failure-cause")
                        .get("stack-trace")
                        .asText()
                        .contains("state.savepoints.dir"),
                failed.toString());
    }

    /** A per-job cluster whose job ended by {@code floe stop} ends only after the client has the savepoint's path. */
    @Test
    void anEndingClusterWaitsUntilTheStoppingClientHasFetchedTheSavepointPath(@TempDir Path ownUploads)
            throws Exception {
        try (RestServerFixture own = new RestServerFixture(ownUploads, 1024 * 1024, Map.of(), Clock.systemUTC())) {
            assertTrue(
                    own.server.awaitSavepointResultsFetched(Duration.ZERO), "nothing triggered: nothing to wait for");
            JobId jobId = JobId.generate();
            own.dispatcher.addRunningJob(jobId, "job", 1, System.currentTimeMillis());
            CompletableFuture<String> savepoint = new CompletableFuture<>();
            own.dispatcher.setSavepointAnswer(jobId, savepoint);
            RestServerFixture.Answer stopped = own.send(
                    "POST", "/jobs/" + jobId + "/stop", HttpRequest.BodyPublishers.ofString("{}"), "application/json");
            assertEquals(202, stopped.status(), () -> stopped.body().toString());
            String status = "/jobs/" + jobId + "/savepoints/"
                    + stopped.body().get("request-id").asText();

            assertEquals(
                    "IN_PROGRESS",
                    own.get(status).body().get("status").get("id").asText());
            assertFalse(own.server.awaitSavepointResultsFetched(Duration.ofMillis(50)), "still in progress");
            savepoint.complete("hdfs:///sp/savepoint-1");
            assertFalse(own.server.awaitSavepointResultsFetched(Duration.ofMillis(50)), "done, but not fetched");
            assertEquals(
                    "hdfs:///sp/savepoint-1",
                    own.get(status).body().get("operation").get("location").asText());
            assertTrue(own.server.awaitSavepointResultsFetched(Duration.ofSeconds(5)), "fetched");
        }
    }

    @Test
    void unknownJobsTriggerIdsAndBadBodiesAreRefused() {
        JobId unknown = JobId.generate();
        assertError(post("/jobs/" + unknown + "/savepoints", "{}"), 404, "is not known");
        JobId jobId = runningJob();
        assertError(fixture.get("/jobs/" + jobId + "/savepoints/0123"), 404, "no savepoint operation");
        assertError(post("/jobs/" + jobId + "/savepoints", "{not json"), 400, "not valid JSON");
        assertEquals(List.of(), fixture.dispatcher.savepointRequests(jobId));
    }

    @Test
    void checkpointStatisticsAndConfigUseFlinksFields() {
        JobId jobId = runningJob();
        CheckpointSettings settings = new CheckpointSettings(
                Duration.ofSeconds(1),
                true,
                Duration.ofMinutes(10),
                Duration.ZERO,
                1,
                0,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
                1);
        fixture.dispatcher.setCheckpointStats(
                jobId,
                new CheckpointStatsSnapshot(
                        2,
                        1,
                        0,
                        1,
                        List.of(
                                new CheckpointStats(
                                        4, "FAILED", false, 400, 410, 0, 20, 2, 1, null, "Checkpoint expired"),
                                new CheckpointStats(3, "COMPLETED", false, 300, 310, 100, 12, 2, 2, "/c/chk-3", null),
                                new CheckpointStats(2, "COMPLETED", true, 200, 210, 50, 8, 2, 2, "/s/sp-1", null)),
                        new CheckpointStatsSnapshot.RestoredCheckpoint(1, 150, true, "/s/sp-0"),
                        settings));

        JsonNode stats = fixture.get("/jobs/" + jobId + "/checkpoints").body();
        assertEquals(3, stats.get("counts").get("total").asInt());
        assertEquals(2, stats.get("counts").get("completed").asInt());
        assertEquals(3, stats.get("latest").get("completed").get("id").asInt());
        assertEquals(
                "/s/sp-1",
                stats.get("latest").get("savepoint").get("external_path").asText());
        assertEquals(
                "Checkpoint expired",
                stats.get("latest").get("failed").get("failure_message").asText());
        assertEquals(
                "/s/sp-0",
                stats.get("latest").get("restored").get("external_path").asText());
        assertEquals(3, stats.get("history").size());
        assertEquals(100, stats.get("summary").get("state_size").get("max").asInt());

        JsonNode config = fixture.get("/jobs/" + jobId + "/checkpoints/config").body();
        assertEquals("exactly_once", config.get("mode").asText());
        assertEquals(1000, config.get("interval").asInt());
        assertTrue(config.get("externalization").get("enabled").asBoolean());
        assertEquals(
                false,
                config.get("externalization").get("delete_on_cancellation").asBoolean());
    }
}
