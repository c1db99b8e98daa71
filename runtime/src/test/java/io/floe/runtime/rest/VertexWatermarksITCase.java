package io.floe.runtime.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.api.eventtime.WatermarkStrategy;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobGraphs;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobgraph.JobVertex;
import io.floe.runtime.minicluster.MiniCluster;
import io.floe.runtime.minicluster.MiniClusterConfiguration;
import io.floe.testutils.Deadline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /jobs/:jobid/vertices/:vertexid/watermarks} on a real JobManager and two
 * TaskManagers: each subtask's input watermark in Flink's shape, advancing while an event-time job
 * runs, carried by the TaskManagers' heartbeats.
 */
class VertexWatermarksITCase {
    @TempDir
    static Path work;

    static MiniCluster cluster;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.BLOB_STORAGE_DIRECTORY, work.toString());
        configuration.set(ClusterOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100));
        cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, configuration));
        cluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Numbers as event times (ms), slowly, through a keyed map at parallelism 2. */
    static JobGraph eventTimeJob() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.getConfiguration().setString("pipeline.auto-watermark-interval", "20 ms");
        env.fromSequence(0, 1_000_000_000L)
                .setParallelism(1)
                .map(i -> {
                    LockSupport.parkNanos(200_000L);
                    return i;
                })
                .setParallelism(1)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((i, previous) -> i))
                .setParallelism(1)
                .keyBy(i -> i % 10)
                .map(i -> i)
                .filter(i -> false) // nothing to print: the job is here for its watermarks
                .print();
        return JobGraphs.of(env, "watermarks");
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cluster.getRestPort() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(200, response.statusCode(), response::body);
        return RestServerFixture.MAPPER.readTree(response.body());
    }

    private static long watermark(JsonNode metrics, int subtask) {
        JsonNode metric = metrics.get(subtask);
        assertEquals(subtask + ".currentInputWatermark", metric.get("id").asText());
        return Long.parseLong(metric.get("value").asText());
    }

    @Test
    void eachSubtasksInputWatermarkAdvancesWhileTheJobRuns() throws Exception {
        JobGraph graph = eventTimeJob();
        cluster.submitJob(graph).get(30, TimeUnit.SECONDS);
        try {
            JobVertex source = graph.vertices().get(0);
            JobVertex keyed = graph.vertices().stream()
                    .filter(v -> v.parallelism() == 2)
                    .findFirst()
                    .orElseThrow();
            String path = "/jobs/" + graph.jobId() + "/vertices/" + keyed.id() + "/watermarks";
            Deadline.waitUntil(
                    () -> {
                        try {
                            JsonNode metrics = json(path);
                            return metrics.size() == 2 && watermark(metrics, 0) > 0 && watermark(metrics, 1) > 0;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Duration.ofSeconds(30),
                    "both keyed subtasks to report an input watermark");
            long first = Math.min(watermark(json(path), 0), watermark(json(path), 1));
            Deadline.waitUntil(
                    () -> {
                        try {
                            JsonNode metrics = json(path);
                            return Math.min(watermark(metrics, 0), watermark(metrics, 1)) > first;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    Duration.ofSeconds(30),
                    "the watermarks to advance past " + first);

            JsonNode ofSource = json("/jobs/" + graph.jobId() + "/vertices/" + source.id() + "/watermarks");
            assertEquals(1, ofSource.size(), ofSource::toString);
            assertEquals(Long.MIN_VALUE, watermark(ofSource, 0), "a source has no input watermark");

            HttpResponse<String> unknown =
                    get("/jobs/" + graph.jobId() + "/vertices/" + "f".repeat(32) + "/watermarks");
            assertEquals(404, unknown.statusCode(), unknown::body);
            assertTrue(
                    unknown.body().contains("Vertex " + "f".repeat(32) + " of job " + graph.jobId() + " is not known"),
                    unknown.body());
            HttpResponse<String> malformed = get("/jobs/" + graph.jobId() + "/vertices/not-a-vertex/watermarks");
            assertEquals(400, malformed.statusCode(), malformed::body);
            assertTrue(malformed.body().contains("Invalid vertex id 'not-a-vertex'"), malformed.body());
        } finally {
            cluster.getDispatcherGateway().cancelJob(graph.jobId()).get(30, TimeUnit.SECONDS);
        }
    }
}
