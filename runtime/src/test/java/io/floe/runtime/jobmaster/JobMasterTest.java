package io.floe.runtime.jobmaster;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static io.floe.runtime.rpc.TestingRpc.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobStatus;
import io.floe.configuration.Configuration;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.deployment.TaskExecutionState;
import io.floe.runtime.deployment.TaskManagerLocation;
import io.floe.runtime.execution.ExecutionState;
import io.floe.runtime.execution.JobResult;
import io.floe.runtime.resourcemanager.TestingResourceManagerGateway;
import io.floe.runtime.resourcemanager.TestingResourceManagerGateway.Declaration;
import io.floe.runtime.rest.RestServerFixture;
import io.floe.runtime.rpc.FencingTokenException;
import io.floe.runtime.rpc.ManualClock;
import io.floe.runtime.rpc.TestingRpcService;
import io.floe.runtime.taskexecutor.TestingTaskExecutorGateway;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ResourceId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A JobMaster alone, on an in-memory RPC service with a manual clock, a fake ResourceManager and TaskManager. */
class JobMasterTest {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(50);
    private static final String RESOURCE_MANAGER_ADDRESS = "jm:6123/resourcemanager";
    private static final String TASK_MANAGER_ADDRESS = "tm-1:6121/taskmanager";

    private final ManualClock clock = new ManualClock(1_000_000);
    private final TestingRpcService rpc = new TestingRpcService(clock, Duration.ofSeconds(10));
    private final TestingResourceManagerGateway resourceManager =
            new TestingResourceManagerGateway(RESOURCE_MANAGER_ADDRESS);
    private final ResourceId taskManagerId = new ResourceId("tm-1");
    private final TestingTaskExecutorGateway taskManager =
            new TestingTaskExecutorGateway(TASK_MANAGER_ADDRESS, taskManagerId, 1);

    @AfterEach
    void stop() throws Exception {
        await(rpc.closeAsync());
    }

    /** Starts a JobMaster of a one-subtask job; it declares its slot to the fake ResourceManager. */
    private JobMaster startJobMaster(Map<String, String> jobConfiguration) throws Exception {
        rpc.registerGateway(RESOURCE_MANAGER_ADDRESS, resourceManager);
        rpc.registerGateway(TASK_MANAGER_ADDRESS, taskManager);
        // heartbeats every 10 ms of real time; whether a TaskManager is silent too long is judged by the manual clock
        JobMaster jobMaster = new JobMaster(
                rpc,
                RestServerFixture.jobGraph("job", jobConfiguration),
                new JobMaster.JobMasterSettings(
                        RESOURCE_MANAGER_ADDRESS,
                        Duration.ofMillis(10),
                        HEARTBEAT_TIMEOUT,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(3),
                        "127.0.0.1:1",
                        new Configuration()));
        jobMaster.start();
        Declaration declaration = resourceManager.declarations.poll(10, TimeUnit.SECONDS);
        assertNotNull(declaration, "the job declared its slots");
        assertEquals(1, declaration.slots());
        return jobMaster;
    }

    /** What a TaskManager does once the ResourceManager gave it to the job: register, offer, run the task. */
    private TaskDeploymentDescriptor offerASlotAndRunTheTask(JobMasterGateway gateway) throws Exception {
        await(gateway.registerTaskManager(new TaskManagerLocation(taskManagerId, TASK_MANAGER_ADDRESS, "tm-1", 6122)));
        AllocationId allocationId = AllocationId.generate();
        assertEquals(
                List.of(allocationId),
                await(gateway.offerSlots(taskManagerId, List.of(new SlotOffer(allocationId, 0)))));
        TaskDeploymentDescriptor deployed = taskManager.submissions.poll(10, TimeUnit.SECONDS);
        assertNotNull(deployed, "the task was deployed into the offered slot");
        assertEquals(allocationId, deployed.allocationId());
        await(gateway.updateTaskExecutionState(
                new TaskExecutionState(deployed.jobId(), deployed.attemptId(), ExecutionState.RUNNING, null)));
        return deployed;
    }

    private JobMasterGateway connect(JobMaster jobMaster, UUID fencingToken) throws Exception {
        return await(rpc.connect(jobMaster.getAddress(), fencingToken, JobMasterGateway.class));
    }

    @Test
    void aTaskManagerSilentPastTheTimeoutFailsTheJobWithoutRestarts() throws Exception {
        JobMaster jobMaster = startJobMaster(Map.of("restart-strategy.type", "none"));
        offerASlotAndRunTheTask(connect(jobMaster, jobMaster.getFencingToken()));

        taskManager.stopAnsweringHeartbeats();
        waitUntil("a heartbeat went unanswered", () -> taskManager.unansweredHeartbeats() > 0);
        clock.advance(HEARTBEAT_TIMEOUT.plusSeconds(1));

        JobResult result = jobMaster.getResultFuture().get(10, TimeUnit.SECONDS);
        assertEquals(JobStatus.FAILED, result.status());
        assertTrue(
                result.error().message().contains("TaskManager tm-1")
                        && result.error().message().contains("heartbeat"),
                result.error().message());
    }

    @Test
    void slotsLostWithATaskManagerAreDeclaredAgainForTheRestart() throws Exception {
        JobMaster jobMaster = startJobMaster(
                Map.of("restart-strategy.type", "fixed-delay", "restart-strategy.fixed-delay.delay", "0 ms"));
        JobMasterGateway gateway = connect(jobMaster, jobMaster.getFencingToken());
        offerASlotAndRunTheTask(gateway);

        taskManager.stopAnsweringHeartbeats();
        waitUntil("a heartbeat went unanswered", () -> taskManager.unansweredHeartbeats() > 0);
        clock.advance(HEARTBEAT_TIMEOUT.plusSeconds(1));

        Declaration again = resourceManager.declarations.poll(10, TimeUnit.SECONDS);
        assertNotNull(again, "the job asked for its slot again");
        assertEquals(1, again.slots());
        assertEquals(JobStatus.RUNNING, await(gateway.requestJobStatus()));
        assertNull(taskManager.submissions.poll(), "deployed again without a slot");
    }

    @Test
    void callsWithTheTokenOfAnotherRunChangeNothing() throws Exception {
        JobMaster jobMaster = startJobMaster(Map.of("restart-strategy.type", "none"));
        JobMasterGateway current = connect(jobMaster, jobMaster.getFencingToken());
        TaskDeploymentDescriptor deployed = offerASlotAndRunTheTask(current);
        JobMasterGateway stale = connect(jobMaster, UUID.randomUUID());

        awaitFailure(
                FencingTokenException.class,
                stale.updateTaskExecutionState(
                        new TaskExecutionState(deployed.jobId(), deployed.attemptId(), ExecutionState.FINISHED, null)));
        awaitFailure(FencingTokenException.class, stale.cancel());

        assertEquals(JobStatus.RUNNING, await(current.requestJobStatus()));
        assertFalse(jobMaster.getResultFuture().isDone());
    }
}
