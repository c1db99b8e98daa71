package io.floe.runtime.dispatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.blob.BlobKey;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.blob.VoidBlobStore;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rest.TestingDispatcherGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real BlobServer behind the submitter: what a replayed or refused submission does to the blobs. */
class BlobJobSubmitterTest {
    @TempDir
    Path temp;

    @Test
    void aReplayedSubmissionIsRefusedAndLeavesTheRunningJobsJarAlone() throws Exception {
        TestingDispatcherGateway dispatcher = new TestingDispatcherGateway();
        try (BlobServer blobServer =
                new BlobServer("127.0.0.1", 0, temp.resolve("blobs"), new VoidBlobStore(), null, Duration.ofHours(1))) {
            BlobJobSubmitter submitter = new BlobJobSubmitter(blobServer, dispatcher, Duration.ofSeconds(10), null);
            JobGraph graph = RestServerFixture.jobGraph("running", Map.of());
            Path jar = Files.write(temp.resolve("job.jar"), new byte[] {1, 2, 3});
            submitter.submit(graph, List.of(jar)).get(10, TimeUnit.SECONDS);
            String stored = dispatcher.submittedJobs().get(0).userJars().get(0);
            BlobKey key = BlobKey.parse(stored.substring("blob:".length()));
            Path blob = blobServer.getFile(graph.jobId(), key);

            ExecutionException replay = assertThrows(
                    ExecutionException.class,
                    () -> submitter.submit(graph, List.of(jar)).get(10, TimeUnit.SECONDS));
            assertInstanceOf(DuplicateJobSubmissionException.class, replay.getCause());
            assertTrue(Files.exists(blob), "the running job's jar is still there");
            assertEquals(1, dispatcher.submittedJobs().size());
        }
    }
}
