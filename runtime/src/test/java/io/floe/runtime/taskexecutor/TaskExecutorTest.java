package io.floe.runtime.taskexecutor;

import static io.floe.runtime.rpc.TestingRpc.await;
import static io.floe.runtime.rpc.TestingRpc.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.api.JobId;
import io.floe.runtime.deployment.SlotOffer;
import io.floe.runtime.deployment.SlotStatus;
import io.floe.runtime.deployment.TaskDeploymentDescriptor;
import io.floe.runtime.deployment.TaskExecutorRegistration;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.jobmaster.TestingJobMasterGateway;
import io.floe.runtime.network.NetworkConfig;
import io.floe.runtime.network.NetworkEnvironment;
import io.floe.runtime.resourcemanager.TestingResourceManagerGateway;
import io.floe.runtime.resourcemanager.TestingResourceManagerGateway.FreedSlot;
import io.floe.runtime.rpc.ManualClock;
import io.floe.runtime.rpc.TestingRpcService;
import io.floe.runtime.types.AllocationId;
import io.floe.runtime.types.ExecutionAttemptId;
import io.floe.runtime.types.JobVertexId;
import io.floe.runtime.types.ResourceId;
import io.floe.runtime.types.SlotId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The TaskExecutor alone, on an in-memory RPC service with a manual clock, a fake ResourceManager and JobMasters. */
class TaskExecutorTest {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(50);
    private static final String RESOURCE_MANAGER_ADDRESS = "jm:6123/resourcemanager";

    private final ManualClock clock = new ManualClock(1_000_000);
    private final TestingRpcService rpc = new TestingRpcService(clock, Duration.ofSeconds(10));
    private final TestingResourceManagerGateway resourceManager =
            new TestingResourceManagerGateway(RESOURCE_MANAGER_ADDRESS);
    private final ResourceId resourceId = new ResourceId("tm-under-test");
    private final JobId jobId = JobId.generate();
    private NetworkEnvironment network;
    private TaskExecutorGateway taskExecutor;

    @BeforeEach
    void start() throws Exception {
        rpc.registerGateway(RESOURCE_MANAGER_ADDRESS, resourceManager);
        network = NetworkEnvironment.start(new NetworkConfig(
                "127.0.0.1",
                "127.0.0.1",
                0,
                NetworkConfig.DEFAULT_BUFFER_SIZE_BYTES,
                NetworkConfig.DEFAULT_CREDITS_PER_CHANNEL,
                8,
                Duration.ofSeconds(1)));
        // the watchdog looks every 50 ms of real time; whether a peer is silent too long is judged by the manual clock
        TaskExecutor endpoint = new TaskExecutor(
                rpc,
                new TaskExecutor.TaskExecutorSettings(
                        2, RESOURCE_MANAGER_ADDRESS, Duration.ofMillis(10), HEARTBEAT_TIMEOUT, Duration.ofSeconds(1)),
                resourceId,
                network,
                blobServer -> {
                    throw new UnsupportedOperationException("no task runs in these tests");
                });
        endpoint.start();
        taskExecutor = await(rpc.connect(endpoint.getAddress(), TaskExecutorGateway.class));
        assertNotNull(resourceManager.registrations.poll(10, TimeUnit.SECONDS), "the first registration");
    }

    @AfterEach
    void stop() throws Exception {
        await(rpc.closeAsync());
        network.close();
    }

    private TestingJobMasterGateway jobMaster(String address, UUID jobMasterId) {
        TestingJobMasterGateway jobMaster = new TestingJobMasterGateway(address, jobMasterId);
        rpc.registerGateway(address, jobMaster);
        return jobMaster;
    }

    private SlotStatus slot(int index) throws Exception {
        return await(taskExecutor.requestSlotReport()).slots().get(index);
    }

    @Test
    void registersAgainWhenTheResourceManagerStaysSilentPastTheTimeout() throws Exception {
        await(taskExecutor.heartbeatFromResourceManager(Duration.ofSeconds(1)));
        clock.advance(HEARTBEAT_TIMEOUT.minusSeconds(1));
        await(taskExecutor.heartbeatFromResourceManager(Duration.ofSeconds(1)));
        clock.advance(HEARTBEAT_TIMEOUT.minusSeconds(1));
        // waits out three watchdog rounds for a registration: the last heartbeat is 49 s old, within the timeout
        assertNull(
                resourceManager.registrations.poll(150, TimeUnit.MILLISECONDS),
                "registered again although the ResourceManager heartbeats");

        clock.advance(Duration.ofSeconds(2));

        assertEquals(
                resourceId,
                resourceManager
                        .registrations
                        .poll(10, TimeUnit.SECONDS)
                        .location()
                        .resourceId());
    }

    @Test
    void freesTheSlotsOfAJobWhoseJobMasterStaysSilentPastTheTimeout() throws Exception {
        String address = "jm:6123/jobmaster-" + jobId;
        UUID jobMasterId = UUID.randomUUID();
        TestingJobMasterGateway jobMaster = jobMaster(address, jobMasterId);
        AllocationId allocationId = AllocationId.generate();

        await(taskExecutor.requestSlot(new SlotId(resourceId, 0), jobId, allocationId, address, jobMasterId));

        List<SlotOffer> offered = jobMaster.offers.poll(10, TimeUnit.SECONDS);
        assertEquals(List.of(new SlotOffer(allocationId, 0)), offered);
        assertEquals(allocationId, slot(0).allocationId());

        await(taskExecutor.heartbeatFromJobManager(jobId, Duration.ofSeconds(1)));
        // the ResourceManager keeps heartbeating, the JobMaster does not
        clock.advance(HEARTBEAT_TIMEOUT.dividedBy(2));
        await(taskExecutor.heartbeatFromResourceManager(Duration.ofSeconds(1)));
        clock.advance(HEARTBEAT_TIMEOUT.dividedBy(2).plusSeconds(1));

        FreedSlot freed = resourceManager.freedSlots.poll(10, TimeUnit.SECONDS);
        assertNotNull(freed, "the ResourceManager was told the slot is free");
        assertEquals(allocationId, freed.allocationId());
        assertEquals(null, slot(0).allocationId());
    }

    @Test
    void aNewJobMasterOfTheJobGetsItsSlotsAndTheOldOneCanNoLongerDeploy() throws Exception {
        String firstAddress = "jm:6123/jobmaster-" + jobId;
        UUID firstId = UUID.randomUUID();
        TestingJobMasterGateway first = jobMaster(firstAddress, firstId);
        AllocationId firstAllocation = AllocationId.generate();
        await(taskExecutor.requestSlot(new SlotId(resourceId, 0), jobId, firstAllocation, firstAddress, firstId));
        assertNotNull(first.offers.poll(10, TimeUnit.SECONDS));

        // the job's JobMaster is replaced (a new leader with a new id) and asks for a slot of its own
        String secondAddress = "jm2:6123/jobmaster-" + jobId;
        UUID secondId = UUID.randomUUID();
        TestingJobMasterGateway second = jobMaster(secondAddress, secondId);
        AllocationId secondAllocation = AllocationId.generate();
        await(taskExecutor.requestSlot(new SlotId(resourceId, 1), jobId, secondAllocation, secondAddress, secondId));

        assertNotNull(second.registrations.poll(10, TimeUnit.SECONDS), "registered at the new JobMaster");
        assertEquals(List.of(new SlotOffer(secondAllocation, 1)), second.offers.poll(10, TimeUnit.SECONDS));
        assertNull(first.offers.poll(), "the old JobMaster was offered the new slot");
        // the new slot belongs to the new JobMaster: the old one's deployment into it is refused
        awaitFailure(IllegalStateException.class, taskExecutor.submitTask(deploymentInto(secondAllocation), firstId));
        assertEquals(secondAllocation, slot(1).allocationId());
    }

    @Test
    void aTaskManagerFollowingAPublishedLeaderReleasesTheOldLeadersJobsAndRegistersAtTheNewOne() throws Exception {
        // a TaskManager process of its own: one TaskExecutor per RPC service
        TestingRpcService ownRpc = new TestingRpcService(clock, Duration.ofSeconds(10));
        ownRpc.registerGateway(RESOURCE_MANAGER_ADDRESS, resourceManager);
        String newAddress = "jm-attempt-2:7000/resourcemanager";
        TestingResourceManagerGateway newResourceManager = new TestingResourceManagerGateway(newAddress);
        ownRpc.registerGateway(newAddress, newResourceManager);
        AtomicReference<LeaderRetrieval.Leader> published =
                new AtomicReference<>(new LeaderRetrieval.Leader(RESOURCE_MANAGER_ADDRESS, "attempt-1"));
        ResourceId following = new ResourceId("tm-following-the-leader");
        TaskExecutor endpoint = new TaskExecutor(
                ownRpc,
                new TaskExecutor.TaskExecutorSettings(
                        2,
                        RESOURCE_MANAGER_ADDRESS,
                        Duration.ofMillis(10),
                        HEARTBEAT_TIMEOUT,
                        Duration.ofSeconds(1),
                        published::get),
                following,
                network,
                blobServer -> {
                    throw new UnsupportedOperationException("no task runs in these tests");
                });
        endpoint.start();
        TaskExecutorGateway gateway = await(ownRpc.connect(endpoint.getAddress(), TaskExecutorGateway.class));
        TaskExecutorRegistration first = resourceManager.registrations.poll(10, TimeUnit.SECONDS);
        assertEquals(following, first.location().resourceId(), "registered at the first leader");

        String address = "jm:6123/jobmaster-" + jobId;
        UUID jobMasterId = UUID.randomUUID();
        TestingJobMasterGateway jobMaster = new TestingJobMasterGateway(address, jobMasterId);
        ownRpc.registerGateway(address, jobMaster);
        AllocationId allocationId = AllocationId.generate();
        await(gateway.requestSlot(new SlotId(following, 0), jobId, allocationId, address, jobMasterId));
        assertNotNull(jobMaster.offers.poll(10, TimeUnit.SECONDS));

        published.set(new LeaderRetrieval.Leader(newAddress, "attempt-2")); // a new YARN attempt publishes itself

        TaskExecutorRegistration again = newResourceManager.registrations.poll(10, TimeUnit.SECONDS);
        assertNotNull(again, "registered at the new leader");
        assertEquals(following, again.location().resourceId());
        assertNull(
                await(gateway.requestSlotReport()).slots().get(0).allocationId(),
                "the old leader's slot is free for the new one");
        assertNull(resourceManager.registrations.poll(), "not registered at the old leader again");
        await(ownRpc.closeAsync());
    }

    /** A deployment of one subtask of the job into the slot; refused before anything of it is read. */
    private TaskDeploymentDescriptor deploymentInto(AllocationId allocationId) {
        return new TaskDeploymentDescriptor(
                jobId,
                "job",
                ExecutionAttemptId.generate(),
                allocationId,
                new JobVertexId("source"),
                "Source",
                0,
                1,
                1,
                0,
                false,
                new byte[0],
                List.of(),
                List.of(),
                List.of(),
                "127.0.0.1:1",
                Map.of(),
                null);
    }
}
