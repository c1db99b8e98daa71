package io.floe.runtime.configuration;

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

    public static final ConfigOption<Integer> NUM_TASK_SLOTS =
            ConfigOption.key("taskmanager.numberOfTaskSlots").intType().defaultValue(1);

    public static final ConfigOption<Integer> LOCAL_NUMBER_TASK_MANAGER =
            ConfigOption.key("local.number-taskmanager").intType().defaultValue(1)
                    .withDescription("TaskManagers of the embedded cluster that local execution starts.");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOption.key("heartbeat.interval").durationType().defaultValue(Duration.ofSeconds(10));

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT =
            ConfigOption.key("heartbeat.timeout").durationType().defaultValue(Duration.ofSeconds(50));

    public static final ConfigOption<Duration> ASK_TIMEOUT =
            ConfigOption.key("rpc.ask.timeout").durationType().defaultValue(Duration.ofSeconds(10))
                    .withDescription("How long an RPC call waits for its answer (Flink: pekko.ask.timeout).");

    public static final ConfigOption<MemorySize> RPC_FRAME_SIZE =
            ConfigOption.key("rpc.framesize").memoryType().defaultValue(MemorySize.parse("10m"))
                    .withDescription("Largest RPC message; larger ones are refused (Flink: pekko.framesize).");

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT =
            ConfigOption.key("slot.request.timeout").durationType().defaultValue(Duration.ofMinutes(5));

    public static final ConfigOption<Duration> STANDALONE_STARTUP_TIME =
            ConfigOption.key("resourcemanager.standalone.start-up-time").durationType()
                    .defaultValue(Duration.ofSeconds(10))
                    .withDescription("How long a cluster that cannot start TaskManagers itself waits for "
                            + "enough slots before a job asking for more than exist fails.");

    public static final ConfigOption<Duration> TASK_MANAGER_TIMEOUT =
            ConfigOption.key("resourcemanager.taskmanager-timeout").durationType()
                    .defaultValue(Duration.ofSeconds(30));

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT =
            ConfigOption.key("taskmanager.registration.timeout").durationType()
                    .defaultValue(Duration.ofMinutes(5));

    public static final ConfigOption<Duration> REGISTRATION_MAX_BACKOFF =
            ConfigOption.key("cluster.registration.max-timeout").durationType()
                    .defaultValue(Duration.ofSeconds(30));

    public static final ConfigOption<String> REST_ADDRESS =
            ConfigOption.key("rest.address").stringType().defaultValue("localhost");

    public static final ConfigOption<String> REST_BIND_ADDRESS =
            ConfigOption.key("rest.bind-address").stringType().defaultValue("localhost");

    public static final ConfigOption<Integer> REST_PORT =
            ConfigOption.key("rest.port").intType().defaultValue(8081);

    public static final ConfigOption<String> BLOB_SERVER_PORT =
            ConfigOption.key("blob.server.port").stringType().defaultValue("0");

    public static final ConfigOption<MemorySize> JOB_MANAGER_PROCESS_SIZE =
            ConfigOption.key("jobmanager.memory.process.size").memoryType()
                    .defaultValue(MemorySize.parse("1600m"));

    public static final ConfigOption<MemorySize> TASK_MANAGER_PROCESS_SIZE =
            ConfigOption.key("taskmanager.memory.process.size").memoryType()
                    .defaultValue(MemorySize.parse("1728m"));
}
