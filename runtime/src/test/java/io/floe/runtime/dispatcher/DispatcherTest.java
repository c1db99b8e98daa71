package io.floe.runtime.dispatcher;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.jobmaster.JobMaster;
import io.floe.runtime.resourcemanager.TestingResourceManagerGateway;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rpc.ManualClock;
import io.floe.runtime.rpc.TestingRpcService;
import io.floe.runtime.webmonitor.JobDetails;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Dispatcher and the JobMasters it starts, on an in-memory RPC service with a fake ResourceManager. */
class DispatcherTest {

    private static final String RESOURCE_MANAGER_ADDRESS = "jm:6123/resourcemanager";

    private final ManualClock clock = new ManualClock(1_000_000);
    private final TestingRpcService rpc = new TestingRpcService(clock, Duration.ofSeconds(10));
    private final TestingResourceManagerGateway resourceManager =
            new TestingResourceManagerGateway(RESOURCE_MANAGER_ADDRESS);
    private final LinkedBlockingQueue<JobId> cleanedUp = new LinkedBlockingQueue<>();
    private DispatcherGateway dispatcher;

    @BeforeEach
    void start() throws Exception {
        rpc.registerGateway(RESOURCE_MANAGER_ADDRESS, resourceManager);
        Dispatcher endpoint = new Dispatcher(
                rpc,
                new JobMaster.JobMasterSettings(
                        RESOURCE_MANAGER_ADDRESS,
                        Duration.ofMillis(10),
                        Duration.ofSeconds(50),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(3),
                        "127.0.0.1:1",
                        new Configuration()),
                cleanedUp::add);
        endpoint.start();
        dispatcher = await(rpc.connect(endpoint.getAddress(), DispatcherGateway.class));
    }

    @AfterEach
    void stop() throws Exception {
        await(rpc.closeAsync());
    }

    @Test
    void aJobIdThatRunsAlreadyIsRefusedAndTheRunningJobIsUntouched() throws Exception {
        JobGraph job = RestServerFixture.jobGraph("job", Map.of());
        await(dispatcher.submitJob(job, Duration.ofSeconds(5)));
        assertNotNull(resourceManager.declarations.poll(10, TimeUnit.SECONDS), "its JobMaster asked for slots");

        awaitFailure(DuplicateJobSubmissionException.class, dispatcher.submitJob(job, Duration.ofSeconds(5)));

        assertEquals(JobStatus.RUNNING, await(dispatcher.requestJobStatus(job.jobId())));
    }

    @Test
    void aCancelledJobKeepsItsResultAndDetailsAfterItsJobMasterStopped() throws Exception {
        JobGraph job = RestServerFixture.jobGraph("job", Map.of());
        await(dispatcher.submitJob(job, Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(7));

        await(dispatcher.cancelJob(job.jobId()));

        JobResult result = await(dispatcher.requestJobResult(job.jobId(), Duration.ofSeconds(5)));
        assertEquals(JobStatus.CANCELED, result.status());
        assertEquals(job.jobId(), cleanedUp.poll(10, TimeUnit.SECONDS), "the ended job's files were cleaned up");
        assertEquals(JobStatus.CANCELED, await(dispatcher.requestJobStatus(job.jobId())));
        assertEquals(
                JobStatus.CANCELED,
                await(dispatcher.requestJobDetails(job.jobId())).status());
        JobDetails listed = await(dispatcher.listJobs()).get(0);
        assertEquals(7_000, listed.endTime() - listed.startTime(), "the job ran 7 s by the Dispatcher's clock");
    }

    @Test
    void anUnknownJobIsNamedInTheFailure() {
        JobId unknown = JobId.generate();

        IllegalArgumentException failure = awaitFailure(IllegalArgumentException.class, dispatcher.cancelJob(unknown));

        assertTrue(failure.getMessage().contains(unknown.toString()), failure.getMessage());
        awaitFailure(IllegalArgumentException.class, dispatcher.requestJobStatus(unknown));
    }
}
