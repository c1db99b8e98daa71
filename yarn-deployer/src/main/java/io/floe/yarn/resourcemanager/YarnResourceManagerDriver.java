package io.floe.yarn.resourcemanager;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.resourcemanager.ResourceManagerDriver;
import io.floe.runtime.types.ResourceId;
import io.floe.yarn.ClusterResourceCheck;
import io.floe.yarn.ShippedResource;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.ResourceRequest;
import org.apache.hadoop.yarn.api.records.UpdatedContainer;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops TaskManagers as YARN containers, through {@link AMRMClientAsync} (allocation)
 * and {@link NMClientAsync} (launch and stop).
 *
 * <p>Protocol: {@link #startClients} starts the YARN clients, then {@link #register} registers the
 * ApplicationMaster with host, REST port and tracking URL (the REST address) once the JobManager is
 * up; requests made before are kept and sent then.
 * Each {@link #requestWorker} adds one container request and switches the heartbeat to
 * {@code yarn.heartbeat.container-request-interval}, since allocations arrive with heartbeats. Each
 * allocated container fulfils one request, which is removed at once (else YARN re-sends it);
 * containers beyond the outstanding requests are returned. A completed container is described in
 * one line (container, node, exit code and its meaning: memory kill with the key to raise,
 * preemption, disk; the first error line of its stderr) that goes to the log and to the
 * ResourceManager, unless the driver released the container itself.
 *
 * <p>Threading: the ResourceManager calls in on its main thread, YARN's callbacks arrive on the
 * clients' threads; the few fields are guarded by {@code this}.
 */
public final class YarnResourceManagerDriver implements ResourceManagerDriver {
    private static final Logger LOG = LoggerFactory.getLogger(YarnResourceManagerDriver.class);
    private static final Priority PRIORITY = Priority.newInstance(1);

    private final Configuration configuration;
    private final List<ShippedResource> shipped;
    private final Resource containerResource;
    private final long idleHeartbeatMillis;
    private final long requestHeartbeatMillis;

    private WorkerEvents events;
    private YarnConfiguration yarnConfiguration;
    private AMRMClientAsync<ContainerRequest> resourceManagerClient;
    private NMClientAsync nodeManagerClient;
    private TaskManagerLaunchContextFactory launchContexts;
    private boolean registered;
    private int pendingRequests;
    private int unsentRequests;
    /** Containers of earlier attempts whose TaskManagers have not registered with this attempt yet. */
    private final Set<ResourceId> recoveredWaiting = new HashSet<>();
    /** Worker requests that such containers stand for instead of new ones (at most as many as wait). */
    private int requestsStoodFor;

    private final Map<ResourceId, Container> workers = new HashMap<>();
    private final Set<ResourceId> released = new HashSet<>();
    private boolean terminated;

    public YarnResourceManagerDriver(Configuration configuration, List<ShippedResource> shipped) {
        this.configuration = configuration;
        this.shipped = shipped;
        this.containerResource = Resource.newInstance(
                configuration.get(ClusterOptions.TASK_MANAGER_PROCESS_SIZE).getBytes() >> 20,
                ClusterResourceCheck.taskManagerVcores(configuration));
        this.idleHeartbeatMillis =
                configuration.get(YarnConfigOptions.HEARTBEAT_INTERVAL).toMillis();
        this.requestHeartbeatMillis = configuration
                .get(YarnConfigOptions.CONTAINER_REQUEST_HEARTBEAT_INTERVAL)
                .toMillis();
    }

    @Override
    public synchronized void initialize(WorkerEvents events) {
        this.events = events;
    }

    /**
     * Creates and starts the YARN clients (loading Hadoop's RPC stack takes a while, so the
     * ApplicationMaster does this while the JobManager starts); {@link #register} follows. Any thread.
     */
    public void startClients(YarnConfiguration yarnConfiguration) {
        // Fast from the start: the first request usually follows the registration within a second, and the
        // heartbeat thread only reads a new interval after its current sleep. It starts with the registration.
        AMRMClientAsync<ContainerRequest> resourceManager =
                AMRMClientAsync.createAMRMClientAsync((int) requestHeartbeatMillis, new ResourceManagerCallbacks());
        resourceManager.init(yarnConfiguration);
        resourceManager.start();
        NMClientAsync nodeManager = NMClientAsync.createNMClientAsync(new NodeManagerCallbacks());
        nodeManager.init(yarnConfiguration);
        nodeManager.start();
        synchronized (this) {
            if (!terminated) {
                this.yarnConfiguration = yarnConfiguration;
                resourceManagerClient = resourceManager;
                nodeManagerClient = nodeManager;
                return;
            }
        }
        nodeManager.stop(); // terminated meanwhile: the JobManager did not come up
        resourceManager.stop();
    }

    /**
     * Registers the ApplicationMaster, once {@link #startClients} returned and the JobManager's REST
     * endpoint is up, and sends the requests made before. Any thread.
     */
    public synchronized void register(
            String host, int restPort, String trackingUrl, String jobManagerHost, int jobManagerRpcPort)
            throws Exception {
        if (resourceManagerClient == null) {
            throw new IllegalStateException("The YARN clients were not started");
        }
        launchContexts = new TaskManagerLaunchContextFactory(
                configuration, yarnConfiguration, shipped, jobManagerHost, jobManagerRpcPort);
        RegisterApplicationMasterResponse response =
                resourceManagerClient.registerApplicationMaster(host, restPort, trackingUrl);
        registered = true;
        LOG.info("Registered the ApplicationMaster with YARN: {}:{}, tracking URL {}", host, restPort, trackingUrl);
        adoptPreviousAttemptsContainers(response.getContainersFromPreviousAttempts());
        for (; unsentRequests > 0; unsentRequests--) {
            if (!standInForRequest()) {
                addRequest();
            }
        }
    }

    /**
     * The TaskManager containers YARN kept from earlier attempts (keepContainersAcrossApplicationAttempts):
     * they follow the leader this attempt published and register again, so they stand for the next
     * worker requests instead of new containers, and their ends are reported like any worker's.
     */
    private void adoptPreviousAttemptsContainers(List<Container> previous) {
        for (Container container : previous) {
            ResourceId id = new ResourceId(container.getId().toString());
            workers.put(id, container);
            recoveredWaiting.add(id);
        }
        if (!previous.isEmpty()) {
            LOG.info(
                    "Took over {} TaskManager container(s) of earlier attempts: {}",
                    previous.size(),
                    previous.stream().map(Container::getId).toList());
        }
    }

    @Override
    public synchronized void requestWorker() {
        if (terminated) {
            return;
        }
        if (!registered) {
            unsentRequests++;
            return;
        }
        if (standInForRequest()) {
            LOG.info("A TaskManager container of an earlier attempt, not registered yet, stands for the new worker");
            return;
        }
        addRequest();
    }

    /** Whether a container of an earlier attempt that has not registered yet is free to be the requested worker. */
    private boolean standInForRequest() {
        if (requestsStoodFor < recoveredWaiting.size()) {
            requestsStoodFor++;
            return true;
        }
        return false;
    }

    @Override
    public synchronized void workerRegistered(ResourceId worker) {
        if (recoveredWaiting.remove(worker) && requestsStoodFor > recoveredWaiting.size()) {
            requestsStoodFor--; // it is the worker of one of the requests it stood for
        }
    }

    private void addRequest() {
        pendingRequests++;
        resourceManagerClient.addContainerRequest(new ContainerRequest(containerResource, null, null, PRIORITY));
        resourceManagerClient.setHeartbeatInterval((int) requestHeartbeatMillis);
        LOG.info("Requested a TaskManager container {} ({} pending)", containerResource, pendingRequests);
    }

    @Override
    public synchronized void releaseWorker(ResourceId worker) {
        Container container = workers.remove(worker);
        if (container == null) {
            LOG.warn("Asked to release TaskManager {}, which is no container of this application", worker);
            return;
        }
        released.add(worker);
        LOG.info("Stopping TaskManager container {} on {}", container.getId(), container.getNodeId());
        nodeManagerClient.stopContainerAsync(container.getId(), container.getNodeId());
        resourceManagerClient.releaseAssignedContainer(container.getId());
    }

    @Override
    public synchronized void deregisterApplication(ApplicationStatus status, String diagnostics) {
        if (!registered) {
            return;
        }
        FinalApplicationStatus finalStatus =
                switch (status) {
                    case SUCCEEDED -> FinalApplicationStatus.SUCCEEDED;
                    case FAILED -> FinalApplicationStatus.FAILED;
                    case CANCELED -> FinalApplicationStatus.KILLED;
                    case UNKNOWN -> FinalApplicationStatus.UNDEFINED;
                };
        try {
            resourceManagerClient.unregisterApplicationMaster(finalStatus, diagnostics, null);
            LOG.info("Unregistered the ApplicationMaster from YARN with final status {}", finalStatus);
        } catch (Exception e) {
            LOG.error("Could not unregister the ApplicationMaster (final status {}) from YARN", finalStatus, e);
        }
    }

    /** Stops both clients; without the lock, since stopping joins the callback threads, which take it. */
    @Override
    public void terminate() {
        NMClientAsync nodeManager;
        AMRMClientAsync<ContainerRequest> resourceManager;
        synchronized (this) {
            if (terminated) {
                return;
            }
            terminated = true;
            nodeManager = nodeManagerClient;
            resourceManager = resourceManagerClient;
        }
        if (nodeManager != null) {
            nodeManager.stop();
        }
        if (resourceManager != null) {
            resourceManager.stop();
        }
    }

    private synchronized void containersAllocated(List<Container> containers) {
        for (Container container : containers) {
            if (pendingRequests == 0 || terminated) {
                LOG.info("Returning surplus container {} on {}", container.getId(), container.getNodeId());
                resourceManagerClient.releaseAssignedContainer(container.getId());
                continue;
            }
            pendingRequests--;
            removeOneRequest();
            ResourceId id = new ResourceId(container.getId().toString());
            workers.put(id, container);
            LOG.info(
                    "Starting TaskManager in container {} on {} ({} request(s) still pending)",
                    container.getId(),
                    container.getNodeId(),
                    pendingRequests);
            nodeManagerClient.startContainerAsync(container, launchContexts.create(container));
        }
        if (pendingRequests == 0) {
            resourceManagerClient.setHeartbeatInterval((int) idleHeartbeatMillis);
        }
    }

    private void removeOneRequest() {
        List<? extends Collection<ContainerRequest>> matching =
                resourceManagerClient.getMatchingRequests(PRIORITY, ResourceRequest.ANY, containerResource);
        for (Collection<ContainerRequest> requests : matching) {
            for (ContainerRequest request : requests) {
                resourceManagerClient.removeContainerRequest(request);
                return;
            }
        }
    }

    private void containerEnded(ContainerId containerId, String description) {
        ResourceId id = new ResourceId(containerId.toString());
        WorkerEvents target;
        Container container;
        synchronized (this) {
            if (released.remove(id) || terminated) {
                LOG.info("Container {} ended after its release: {}", containerId, description);
                return;
            }
            container = workers.remove(id);
            if (recoveredWaiting.remove(id) && requestsStoodFor > recoveredWaiting.size()) {
                requestsStoodFor--; // the ResourceManager counts it as pending and asks for another
            }
            if (container == null) {
                LOG.debug(
                        "Container {} ended, which was no TaskManager of this application (a returned surplus "
                                + "one, or one already reported): {}",
                        containerId,
                        description);
                return;
            }
            target = events;
        }
        String ended = "TaskManager container " + containerId + " on " + container.getNodeId() + " " + description;
        LOG.warn(ended);
        target.onWorkerTerminated(id, ended);
    }

    private final class ResourceManagerCallbacks extends AMRMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainersCompleted(List<ContainerStatus> statuses) {
            for (ContainerStatus status : statuses) {
                containerEnded(status.getContainerId(), ContainerExitClassifier.describe(status));
            }
        }

        @Override
        public void onContainersAllocated(List<Container> containers) {
            containersAllocated(containers);
        }

        @Override
        public void onContainersUpdated(List<UpdatedContainer> containers) {}

        @Override
        public void onShutdownRequest() {
            LOG.error("The YARN ResourceManager asks this ApplicationMaster to shut down");
            events.onError(new IllegalStateException("YARN asked the ApplicationMaster to shut down"));
        }

        @Override
        public void onNodesUpdated(List<NodeReport> updatedNodes) {}

        @Override
        public float getProgress() {
            return 0;
        }

        @Override
        public void onError(Throwable error) {
            events.onError(error);
        }
    }

    private final class NodeManagerCallbacks extends NMClientAsync.AbstractCallbackHandler {
        @Override
        public void onContainerStarted(ContainerId containerId, Map<String, ByteBuffer> allServiceResponse) {
            LOG.debug("Container {} started", containerId);
        }

        @Override
        public void onContainerStatusReceived(ContainerId containerId, ContainerStatus containerStatus) {}

        @Override
        public void onContainerStopped(ContainerId containerId) {}

        @Override
        public void onStartContainerError(ContainerId containerId, Throwable t) {
            resourceManagerClient.releaseAssignedContainer(containerId);
            containerEnded(containerId, "could not be started: " + t);
        }

        @Override
        public void onContainerResourceIncreased(ContainerId containerId, Resource resource) {}

        @Override
        public void onContainerResourceUpdated(ContainerId containerId, Resource resource) {}

        @Override
        public void onGetContainerStatusError(ContainerId containerId, Throwable t) {}

        @Override
        public void onIncreaseContainerResourceError(ContainerId containerId, Throwable t) {}

        @Override
        public void onUpdateContainerResourceError(ContainerId containerId, Throwable t) {}

        @Override
        public void onStopContainerError(ContainerId containerId, Throwable t) {
            LOG.warn("Could not stop container {}: {}", containerId, t.toString());
        }
    }
}
