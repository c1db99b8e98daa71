package io.floe.yarn.configuration;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.ConfigOption;
import io.floe.configuration.Configuration;
import java.time.Duration;
import java.util.List;

/** The {@code yarn.*} options of the YARN deployer, with Flink's key names and defaults where Flink has the key. */
public final class YarnConfigOptions {
    private YarnConfigOptions() {}

    public static final ConfigOption<String> APPLICATION_NAME = ConfigOption.key("yarn.application.name")
            .stringType()
            .noDefaultValue()
            .withDescription("Name of the YARN application; default: 'Floe per-job cluster: <job name>'.");

    public static final ConfigOption<String> APPLICATION_TYPE =
            ConfigOption.key("yarn.application.type").stringType().defaultValue("Apache Floe");

    public static final ConfigOption<String> APPLICATION_QUEUE =
            ConfigOption.key("yarn.application.queue").stringType().defaultValue("default");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS = ConfigOption.key("yarn.application-attempts")
            .intType()
            .defaultValue(1)
            .withDescription(
                    "How often YARN starts the ApplicationMaster; capped by yarn.resourcemanager.am.max-attempts.");

    /**
     * How often YARN may start the ApplicationMaster: {@code yarn.application-attempts} when set;
     * else 2 when high availability is asked for ({@code high-availability.type} other than NONE, as
     * in Flink), else 1.
     */
    public static int applicationAttempts(Configuration configuration) {
        if (configuration.contains(APPLICATION_ATTEMPTS)) {
            return configuration.get(APPLICATION_ATTEMPTS);
        }
        boolean highAvailability = configuration.contains(ClusterOptions.HA_TYPE)
                && !configuration.get(ClusterOptions.HA_TYPE).trim().equalsIgnoreCase("NONE");
        return highAvailability ? 2 : 1;
    }

    public static final ConfigOption<Duration> APPLICATION_ATTEMPT_FAILURES_VALIDITY_INTERVAL = ConfigOption.key(
                    "yarn.application-attempt-failures-validity-interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(10))
            .withDescription("Only attempts that failed within this interval count against yarn.application-attempts"
                    + " (Flink's default, 10 s); -1 ms counts every failure.");

    public static final ConfigOption<List<String>> APPLICATION_TAGS =
            ConfigOption.key("yarn.tags").listType().defaultValue(List.of());

    public static final ConfigOption<String> APPLICATION_ID = ConfigOption.key("yarn.application.id")
            .stringType()
            .noDefaultValue()
            .withDescription("The YARN application of a running cluster: where floe run (yarn-session), list "
                    + "and cancel go; set by the deployer and by yarn-session.sh's properties file.");

    public static final ConfigOption<Integer> APPLICATION_PRIORITY = ConfigOption.key("yarn.application.priority")
            .intType()
            .defaultValue(-1)
            .withDescription("YARN priority of the application (higher runs first); -1 leaves YARN's default.");

    public static final ConfigOption<String> NODE_LABEL = ConfigOption.key("yarn.application.node-label")
            .stringType()
            .noDefaultValue()
            .withDescription("Node label expression for the application's containers.");

    public static final ConfigOption<String> VIEW_ACLS = ConfigOption.key("yarn.view.acls")
            .stringType()
            .noDefaultValue()
            .withDescription("Users and groups who may view the application (YARN ACL syntax: \"users groups\").");

    public static final ConfigOption<String> MODIFY_ACLS = ConfigOption.key("yarn.modify.acls")
            .stringType()
            .noDefaultValue()
            .withDescription("Users and groups who may modify (kill) the application (YARN ACL syntax).");

    public static final ConfigOption<String> PROPERTIES_FILE_LOCATION = ConfigOption.key(
                    "yarn.properties-file.location")
            .stringType()
            .noDefaultValue()
            .withDescription("Directory of the .yarn-properties-<user> file naming the running YARN session; "
                    + "default: the temp directory (java.io.tmpdir).");

    public static final ConfigOption<String> STAGING_DIRECTORY = ConfigOption.key("yarn.staging-directory")
            .stringType()
            .noDefaultValue()
            .withDescription("Base of the staging directory <base>/.floe/<appId>; default: the user's home "
                    + "directory on the default file system.");

    public static final ConfigOption<Integer> APP_MASTER_VCORES =
            ConfigOption.key("yarn.appmaster.vcores").intType().defaultValue(1);

    public static final ConfigOption<Integer> CONTAINER_VCORES = ConfigOption.key("yarn.containers.vcores")
            .intType()
            .defaultValue(-1)
            .withDescription("Vcores of a TaskManager container; -1: one per slot.");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOption.key("yarn.heartbeat.interval")
            .durationType()
            .defaultValue(Duration.ofSeconds(5))
            .withDescription(
                    "ApplicationMaster heartbeat to the YARN ResourceManager while no container is requested.");

    public static final ConfigOption<Duration> CONTAINER_REQUEST_HEARTBEAT_INTERVAL = ConfigOption.key(
                    "yarn.heartbeat.container-request-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("ApplicationMaster heartbeat while containers are requested: allocations "
                    + "arrive with heartbeats.");

    public static final ConfigOption<List<String>> FRAMEWORK_CLASSPATH = ConfigOption.key("yarn.framework.classpath")
            .listType()
            .defaultValue(List.of())
            .withDescription("Local jars (or class directories) the containers run with; default: every jar "
                    + "in the lib/ directory that holds the YARN deployer's jar.");

    public static final ConfigOption<String> HADOOP_CLASSPATH = ConfigOption.key("yarn.hadoop-classpath")
            .stringType()
            .defaultValue("ship")
            .withDescription("Where the containers get Hadoop's client classes: 'ship' (Floe ships the Hadoop "
                    + "client jars of its lib/) or 'cluster' (the cluster's yarn.application.classpath, as Flink "
                    + "does; nothing of Hadoop is uploaded or localized).");

    public static final ConfigOption<String> HADOOP_CONF_DIR = ConfigOption.key("env.hadoop.conf.dir")
            .stringType()
            .noDefaultValue()
            .withDescription("Hadoop configuration directory when HADOOP_CONF_DIR / YARN_CONF_DIR are not set.");

    public static final ConfigOption<String> JAVA_HOME = ConfigOption.key("containerized.java-home")
            .stringType()
            .noDefaultValue()
            .withDescription("JAVA_HOME of the containers; default: the client's java.home.");

    public static final ConfigOption<String> JVM_OPTIONS_ALL = ConfigOption.key("env.java.opts.all")
            .stringType()
            .defaultValue("")
            .withDescription("Extra JVM options of every container (ApplicationMaster and TaskManagers), "
                    + "as they would be written on a shell command line.");

    public static final ConfigOption<String> JVM_OPTIONS_JOB_MANAGER = ConfigOption.key("env.java.opts.jobmanager")
            .stringType()
            .defaultValue("-XX:TieredStopAtLevel=1")
            .withDescription("Extra JVM options of the ApplicationMaster (JobManager), after env.java.opts.all. "
                    + "The default compiles with C1 only: the JobManager coordinates and barely computes, and "
                    + "on a small container C2's compiler threads slow its start by about 0.4 s (D1, D3, D4 of "
                    + "benchmarks/deploy). Setting the key replaces the default.");

    public static final ConfigOption<String> JVM_OPTIONS_TASK_MANAGER = ConfigOption.key("env.java.opts.taskmanager")
            .stringType()
            .defaultValue("")
            .withDescription("Extra JVM options of the TaskManager containers, after env.java.opts.all.");

    public static final ConfigOption<Duration> ATTACHED_RESULT_WAIT = ConfigOption.key(
                    "yarn.per-job.attached-result-wait")
            .durationType()
            .defaultValue(Duration.ofMinutes(5))
            .withDescription("How long an attached per-job cluster keeps running after its job ended, "
                    + "until the client has fetched the result.");
}
