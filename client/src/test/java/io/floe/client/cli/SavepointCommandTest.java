package io.floe.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.rest.RestServerFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code floe savepoint} and {@code floe stop} against the real REST server backed by a testing Dispatcher. */
class SavepointCommandTest {
    @TempDir
    static Path uploads;

    private static RestServerFixture fixture;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void start() throws IOException {
        fixture = new RestServerFixture(uploads, 1024 * 1024, Map.of(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private String cluster() {
        return "127.0.0.1:" + fixture.server.getPort();
    }

    private JobId runningJob(CompletableFuture<String> savepoint) {
        JobId jobId = JobId.generate();
        fixture.dispatcher.addRunningJob(jobId, "job", 1, System.currentTimeMillis());
        fixture.dispatcher.setSavepointAnswer(jobId, savepoint);
        return jobId;
    }

    @Test
    void savepointWaitsForThePathAndPrintsItInFlinksWords() {
        JobId jobId = runningJob(CompletableFuture.completedFuture("hdfs:///sp/savepoint-0a1b2c-3d4e5f"));

        assertEquals(ExitCode.SUCCESS, floe("savepoint", "-m", cluster(), jobId.toString(), "hdfs:///sp"), stderr());

        assertEquals(List.of("savepoint hdfs:///sp cancel=false"), fixture.dispatcher.savepointRequests(jobId));
        assertTrue(stdout().contains("Triggering savepoint for job " + jobId + "."), stdout());
        assertTrue(stdout().contains("Savepoint completed. Path: hdfs:///sp/savepoint-0a1b2c-3d4e5f"), stdout());
    }

    @Test
    void stopTakesItsDirectoryFromDashP() {
        JobId jobId = runningJob(CompletableFuture.completedFuture("/sp/savepoint-1"));

        assertEquals(ExitCode.SUCCESS, floe("stop", "-p", "/sp", "-m", cluster(), jobId.toString()), stderr());

        assertEquals(List.of("stop /sp"), fixture.dispatcher.savepointRequests(jobId));
        assertTrue(stdout().contains("Suspending job \"" + jobId + "\" with a savepoint."), stdout());
        assertTrue(stdout().contains("Savepoint completed. Path: /sp/savepoint-1"), stdout());
    }

    @Test
    void aFailedSavepointIsOneLineWithTheClustersReason() {
        JobId jobId = runningJob(CompletableFuture.failedFuture(
                new IllegalStateException("No savepoint directory: give one, or set state.savepoints.dir")));

        assertEquals(ExitCode.CLUSTER_ERROR, floe("savepoint", "-m", cluster(), jobId.toString()));

        assertTrue(stderr().contains("state.savepoints.dir"), stderr());
        assertEquals(1, stderr().lines().count(), stderr());
    }

    @Test
    void aBadJobIdOrAnUnknownFlagIsAUsageError() {
        assertEquals(ExitCode.USAGE, floe("savepoint", "-m", cluster(), "not-a-job"));
        assertTrue(stderr().contains("'not-a-job' is not a job id"), stderr());
        err.reset();
        assertEquals(
                ExitCode.USAGE,
                floe("savepoint", "-m", cluster(), "--drain", JobId.generate().toString()));
        assertTrue(stderr().contains("--drain"), stderr());
    }

    private int floe(String... args) {
        CliFrontend frontend = new CliFrontend(
                new PrintStream(out, true), new PrintStream(err, true), environment, () -> Set.of("local"));
        return frontend.run(args);
    }

    private String stdout() {
        return out.toString();
    }

    private String stderr() {
        return err.toString();
    }
}
