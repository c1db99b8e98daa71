package io.floe.configuration;

import java.time.Duration;

/** Addresses, ports, heartbeats, RPC and slot options of the JobManager and TaskManagers. */
public final class ClusterOptions {
    private ClusterOptions() {}

    public static final ConfigOption<String> JOB_MANAGER_ADDRESS =
            ConfigOption.key("jobmanager.rpc.address").stringType().defaultValue("localhost");

    public static final ConfigOption<Integer> JOB_MANAGER_PORT =
            ConfigOption.key("jobmanager.rpc.port").intType().defaultValue(6123);

    public static final ConfigOption<String> BIND_HOST =
            ConfigOption.key("jobmanager.bind-host").stringType().defaultValue("localhost");

    public static final ConfigOption<String> TASK_MANAGER_HOST =
            ConfigOption.key("taskmanager.host").stringType().defaultValue("localhost");

    public static final ConfigOption<String> TASK_MANAGER_BIND_HOST =
            ConfigOption.key("taskmanager.bind-host").stringType().defaultValue("localhost");

    public static final ConfigOption<Integer> TASK_MANAGER_RPC_PORT =
            ConfigOption.key("taskmanager.rpc.port").intType().defaultValue(0);

    public static final ConfigOption<Integer> TASK_MANAGER_DATA_PORT =
            ConfigOption.key("taskmanager.data.port").intType().defaultValue(0);

    public static final ConfigOption<String> TASK_MANAGER_RESOURCE_ID = ConfigOption.key("taskmanager.resource-id")
            .stringType()
            .noDefaultValue()
            .withDescription("The id a TaskManager registers with; on YARN its container id, so the "
                    + "ResourceManager can match the container to the registration. Default: a random id.");

    public static final ConfigOption<Integer> NUM_TASK_SLOTS =
            ConfigOption.key("taskmanager.numberOfTaskSlots").intType().defaultValue(1);

    public static final ConfigOption<Integer> LOCAL_NUMBER_TASK_MANAGER = ConfigOption.key("local.number-taskmanager")
            .intType()
            .defaultValue(1)
            .withDescription("TaskManagers of the embedded cluster that local execution starts.");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOption.key("heartbeat.interval").durationType().defaultValue(Duration.ofSeconds(10));

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            ConfigOption.key("heartbeat.timeout").durationType().defaultValue(Duration.ofSeconds(50));

    public static final ConfigOption<Duration> ASK_TIMEOUT = ConfigOption.key("rpc.ask.timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long an RPC call waits for its answer (Flink: pekko.ask.timeout).");

    public static final ConfigOption<MemorySize> RPC_FRAME_SIZE = ConfigOption.key("rpc.framesize")
            .memoryType()
            .defaultValue(MemorySize.parse("10m"))
            .withDescription("Largest RPC message; larger ones are refused (Flink: pekko.framesize).");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT =
            ConfigOption.key("slot.request.timeout").durationType().defaultValue(Duration.ofMinutes(5));

    public static final ConfigOption<Duration> TASK_CANCELLATION_TIMEOUT = ConfigOption.key("task.cancellation.timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(3))
            .withDescription("How long a task that is told to stop may take before its JobMaster gives up "
                    + "on it: the task counts as failed, its slot is freed (which interrupts it once more) "
                    + "and the cancellation or failover goes on. Flink's key; Flink kills the TaskManager.");

    public static final ConfigOption<Duration> STANDALONE_STARTUP_TIME = ConfigOption.key(
                    "resourcemanager.standalone.start-up-time")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("How long a cluster that cannot start TaskManagers itself waits for "
                    + "enough slots before a job asking for more than exist fails.");

    public static final ConfigOption<Duration> TASK_MANAGER_TIMEOUT = ConfigOption.key(
                    "resourcemanager.taskmanager-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(30));

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT =
            ConfigOption.key("taskmanager.registration.timeout").durationType().defaultValue(Duration.ofMinutes(5));

    public static final ConfigOption<Duration> REGISTRATION_MAX_BACKOFF =
            ConfigOption.key("cluster.registration.max-timeout").durationType().defaultValue(Duration.ofSeconds(30));

    public static final ConfigOption<String> REST_ADDRESS =
            ConfigOption.key("rest.address").stringType().defaultValue("localhost");

    public static final ConfigOption<String> REST_BIND_ADDRESS =
            ConfigOption.key("rest.bind-address").stringType().defaultValue("localhost");

    public static final ConfigOption<Integer> REST_PORT =
            ConfigOption.key("rest.port").intType().defaultValue(8081);

    public static final ConfigOption<String> BLOB_SERVER_PORT =
            ConfigOption.key("blob.server.port").stringType().defaultValue("0");

    public static final ConfigOption<String> BLOB_STORAGE_DIRECTORY = ConfigOption.key("blob.storage.directory")
            .stringType()
            .noDefaultValue()
            .withDescription("Local directory of the BlobServer and BlobCaches; default: the temp directory.");

    public static final ConfigOption<Duration> BLOB_CLEANUP_INTERVAL = ConfigOption.key("blob.service.cleanup.interval")
            .durationType()
            .defaultValue(Duration.ofHours(1))
            .withDescription("How long transient blobs, and a finished job's cached jars, are kept.");

    public static final ConfigOption<MemorySize> REST_SERVER_MAX_CONTENT_LENGTH = ConfigOption.key(
                    "rest.server.max-content-length")
            .memoryType()
            .defaultValue(new MemorySize(104_857_600L))
            .withDescription("Largest request the REST endpoint accepts (job uploads); larger ones get 413.");

    public static final ConfigOption<Duration> REST_IDLENESS_TIMEOUT = ConfigOption.key("rest.idleness-timeout")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("A REST connection silent for this long while no answer is owed, or slower than "
                    + "this to send a request's head, is closed.");

    public static final ConfigOption<String> HA_STORAGE_DIR = ConfigOption.key("high-availability.storageDir")
            .stringType()
            .noDefaultValue()
            .withDescription("Durable directory (any Hadoop file system) where permanent blobs are written "
                    + "through, so a new JobManager can recover them; unset: no durable copy.");

    public static final ConfigOption<String> HA_TYPE = ConfigOption.key("high-availability.type")
            .stringType()
            .defaultValue("NONE")
            .withDescription("NONE: one JobManager, TaskManagers find it at jobmanager.rpc.address; yarn: the running "
                    + "ApplicationMaster attempt leads and publishes its address under high-availability.storageDir, "
                    + "where TaskManagers kept across attempts find the next one (set on YARN when "
                    + "yarn.application-attempts is above 1); zookeeper: standby JobManagers of a standalone cluster "
                    + "elect a leader through high-availability.zookeeper.quorum.");

    public static final ConfigOption<String> HA_CLUSTER_ID = ConfigOption.key("high-availability.cluster-id")
            .stringType()
            .defaultValue("/default")
            .withDescription("Names this cluster's part of ZooKeeper: JobManagers with the same id elect one leader.");

    public static final ConfigOption<String> HA_ZOOKEEPER_QUORUM = ConfigOption.key(
                    "high-availability.zookeeper.quorum")
            .stringType()
            .noDefaultValue()
            .withDescription("The ZooKeeper servers, host:port,host:port,...");

    public static final ConfigOption<String> HA_ZOOKEEPER_ROOT = ConfigOption.key(
                    "high-availability.zookeeper.path.root")
            .stringType()
            .defaultValue("/floe")
            .withDescription("The ZooKeeper node under which every Floe cluster keeps its nodes.");

    /**
     * Shorter than Flink's 60 s: a killed leader's ZooKeeper session has to expire before a standby
     * leads, and failover within 10 s is the goal; a leader paused longer than this loses leadership.
     */
    public static final ConfigOption<Duration> HA_ZOOKEEPER_SESSION_TIMEOUT = ConfigOption.key(
                    "high-availability.zookeeper.client.session-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(6));

    public static final ConfigOption<Duration> HA_ZOOKEEPER_CONNECTION_TIMEOUT = ConfigOption.key(
                    "high-availability.zookeeper.client.connection-timeout")
            .durationType()
            .defaultValue(Duration.ofSeconds(15));

    public static final ConfigOption<Duration> HA_ZOOKEEPER_RETRY_WAIT = ConfigOption.key(
                    "high-availability.zookeeper.client.retry-wait")
            .durationType()
            .defaultValue(Duration.ofSeconds(5));

    public static final ConfigOption<Integer> HA_ZOOKEEPER_MAX_RETRY_ATTEMPTS = ConfigOption.key(
                    "high-availability.zookeeper.client.max-retry-attempts")
            .intType()
            .defaultValue(3);

    /** With standby JobManagers (zookeeper), their RPC port: any free one by default, since TaskManagers find it. */
    public static final ConfigOption<Integer> HA_JOB_MANAGER_PORT =
            ConfigOption.key("high-availability.jobmanager.port").intType().defaultValue(0);

    public static final ConfigOption<MemorySize> JOB_MANAGER_PROCESS_SIZE =
            ConfigOption.key("jobmanager.memory.process.size").memoryType().defaultValue(MemorySize.parse("1600m"));

    public static final ConfigOption<MemorySize> TASK_MANAGER_PROCESS_SIZE =
            ConfigOption.key("taskmanager.memory.process.size").memoryType().defaultValue(MemorySize.parse("1728m"));
}
