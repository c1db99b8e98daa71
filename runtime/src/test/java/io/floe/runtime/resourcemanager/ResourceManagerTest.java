package io.floe.runtime.resourcemanager;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.floe.api.JobId;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.jobmaster.TestingJobMasterGateway;
import io.floe.runtime.rpc.FencingTokenException;
import io.floe.runtime.rpc.FencingTokens;
import io.floe.runtime.rpc.ManualClock;
import io.floe.runtime.rpc.TestingRpcService;
import io.floe.runtime.taskexecutor.TestingTaskExecutorGateway;
import io.floe.runtime.taskexecutor.TestingTaskExecutorGateway.SlotRequest;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.webmonitor.ResourceOverview;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ResourceManager alone, on an in-memory RPC service with a manual clock and fake peers. */
class ResourceManagerTest {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(50);
    private static final String TASK_MANAGER_ADDRESS = "tm-1:6121/taskmanager";

    private final ManualClock clock = new ManualClock(1_000_000);
    private final TestingRpcService rpc = new TestingRpcService(clock, Duration.ofSeconds(10));
    private final ResourceId taskManagerId = new ResourceId("tm-1");
    private final TestingTaskExecutorGateway taskManager =
            new TestingTaskExecutorGateway(TASK_MANAGER_ADDRESS, taskManagerId, 2);
    private ResourceManager resourceManager;
    private ResourceManagerGateway gateway;

    @BeforeEach
    void start() throws Exception {
        rpc.registerGateway(TASK_MANAGER_ADDRESS, taskManager);
        // heartbeat rounds every 10 ms of real time; whether a peer is silent too long is judged by the manual clock
        resourceManager = new ResourceManager(
                rpc,
                new ResourceManager.ResourceManagerSettings(
                        Duration.ofMillis(10), HEARTBEAT_TIMEOUT, Duration.ofMinutes(5)));
        resourceManager.start();
        gateway = await(rpc.connect(
                resourceManager.getAddress(), FencingTokens.DEFAULT_LEADER_ID, ResourceManagerGateway.class));
    }

    @AfterEach
    void stop() throws Exception {
        await(rpc.closeAsync());
    }

    private void registerTheTaskManager() throws Exception {
        TaskManagerLocation location = new TaskManagerLocation(taskManagerId, TASK_MANAGER_ADDRESS, "tm-1", 6122);
        await(gateway.registerTaskExecutor(new TaskExecutorRegistration(location, 2, 0L), taskManager.freeSlots()));
    }

    @Test
    void aSilentTaskManagerIsDeclaredDeadOnlyOnceTheClockPassesTheTimeout() throws Exception {
        registerTheTaskManager();
        assertEquals(new ResourceOverview(1, 2, 2), await(gateway.requestResourceOverview()));

        taskManager.stopAnsweringHeartbeats();
        waitUntil("a heartbeat went unanswered", () -> taskManager.unansweredHeartbeats() > 0);
        clock.advance(HEARTBEAT_TIMEOUT.minusSeconds(1));
        TimeUnit.MILLISECONDS.sleep(100); // ten heartbeat rounds, all within the timeout
        assertEquals(new ResourceOverview(1, 2, 2), await(gateway.requestResourceOverview()));

        clock.advance(Duration.ofSeconds(2));
        waitUntil("the silent TaskManager and its slots are gone", () -> uncheckedOverview()
                .equals(new ResourceOverview(0, 0, 0)));
    }

    @Test
    void aJobsDeclaredSlotsAreRequestedFromARegisteredTaskManager() throws Exception {
        registerTheTaskManager();
        JobId jobId = JobId.generate();
        UUID jobMasterId = UUID.randomUUID();
        String jobMasterAddress = "jm:6123/jobmaster-" + jobId;
        rpc.registerGateway(jobMasterAddress, new TestingJobMasterGateway(jobMasterAddress, jobMasterId));

        await(gateway.declareRequiredResources(jobId, jobMasterAddress, jobMasterId, 2));

        for (int i = 0; i < 2; i++) {
            SlotRequest request = taskManager.slotRequests.poll(10, TimeUnit.SECONDS);
            assertNotNull(request, "slot request " + i);
            assertEquals(jobId, request.jobId());
            assertEquals(jobMasterId, request.jobMasterId());
            assertEquals(taskManagerId, request.slotId().resourceId());
        }
        assertEquals(new ResourceOverview(1, 2, 0), await(gateway.requestResourceOverview()));
    }

    @Test
    void aCallWithAStaleFencingTokenChangesNothing() throws Exception {
        ResourceManagerGateway stale =
                await(rpc.connect(resourceManager.getAddress(), UUID.randomUUID(), ResourceManagerGateway.class));
        TaskManagerLocation location = new TaskManagerLocation(taskManagerId, TASK_MANAGER_ADDRESS, "tm-1", 6122);

        awaitFailure(
                FencingTokenException.class,
                stale.registerTaskExecutor(new TaskExecutorRegistration(location, 2, 0L), taskManager.freeSlots()));

        assertEquals(new ResourceOverview(0, 0, 0), await(gateway.requestResourceOverview()));
    }

    private ResourceOverview uncheckedOverview() {
        try {
            return await(gateway.requestResourceOverview());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
