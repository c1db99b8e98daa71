package io.floe.runtime.jobmaster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rpc.RpcService;
import io.floe.runtime.rpc.TestingRpcService;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bug that throws on a JobMaster's main thread (as the deployment of an edge to an unknown vertex
 * once did) fails its job instead of leaving it RUNNING and unkillable.
 */
class JobMasterMainThreadErrorTest {

    /** A JobMaster that can be made to throw on its main thread, as a bug in it would. */
    static final class FaultyJobMaster extends JobMaster {
        FaultyJobMaster(RpcService rpcService, JobGraph jobGraph, JobMasterSettings settings) {
            super(rpcService, jobGraph, settings);
        }

        void throwOnMainThread(RuntimeException bug) {
            runAsync(() -> {
                throw bug;
            });
        }
    }

    @Test
    void anExceptionOnTheMainThreadFailsTheJobWithItsMessage() throws Exception {
        TestingRpcService rpc = new TestingRpcService();
        // no ResourceManager answers there: the job waits for slots, RUNNING, as one does on a busy cluster
        JobMaster.JobMasterSettings settings = new JobMaster.JobMasterSettings(
                "127.0.0.1:1/resourcemanager",
                Duration.ofSeconds(10),
                Duration.ofSeconds(50),
                Duration.ofMinutes(5),
                Duration.ofMinutes(3),
                "127.0.0.1:1",
                new Configuration());
        FaultyJobMaster jobMaster = new FaultyJobMaster(rpc, RestServerFixture.jobGraph("faulty", Map.of()), settings);
        try {
            jobMaster.start();
            jobMaster.throwOnMainThread(new IllegalArgumentException("No vertex no-such-vertex"));

            JobResult result = jobMaster.getResultFuture().get(10, TimeUnit.SECONDS);
            assertEquals(JobStatus.FAILED, result.status());
            assertTrue(
                    result.error().message().contains("unexpected internal error")
                            && result.error().message().contains("No vertex no-such-vertex"),
                    result.error().message());
        } finally {
            jobMaster.closeAsync().get(10, TimeUnit.SECONDS);
            rpc.closeAsync().get(10, TimeUnit.SECONDS);
        }
    }
}
