package io.floe.yarn.configuration;

import io.floe.runtime.configuration.ConfigOption;
import java.time.Duration;
import java.util.List;

/** The {@code yarn.*} options of the YARN deployer, with Flink's key names and defaults where Flink has the key. */
public final class YarnConfigOptions {
    private YarnConfigOptions() {}

    public static final ConfigOption<String> APPLICATION_NAME =
            ConfigOption.key("yarn.application.name").stringType().noDefaultValue()
                    .withDescription("Name of the YARN application; default: 'Floe per-job cluster: <job name>'.");

    public static final ConfigOption<String> APPLICATION_TYPE =
            ConfigOption.key("yarn.application.type").stringType().defaultValue("Apache Floe");

    public static final ConfigOption<String> APPLICATION_QUEUE =
            ConfigOption.key("yarn.application.queue").stringType().defaultValue("default");

    public static final ConfigOption<Integer> APPLICATION_ATTEMPTS =
            ConfigOption.key("yarn.application-attempts").intType().defaultValue(1)
                    .withDescription("How often YARN starts the ApplicationMaster; capped by yarn.resourcemanager.am.max-attempts.");

    public static final ConfigOption<List<String>> APPLICATION_TAGS =
            ConfigOption.key("yarn.tags").listType().defaultValue(List.of());

    public static final ConfigOption<String> APPLICATION_ID =
            ConfigOption.key("yarn.application.id").stringType().noDefaultValue()
                    .withDescription("The YARN application of a running cluster (set by the deployer).");

    public static final ConfigOption<String> STAGING_DIRECTORY =
            ConfigOption.key("yarn.staging-directory").stringType().noDefaultValue()
                    .withDescription("Base of the staging directory <base>/.floe/<appId>; default: the user's home "
                            + "directory on the default file system.");

    public static final ConfigOption<Integer> APP_MASTER_VCORES =
            ConfigOption.key("yarn.appmaster.vcores").intType().defaultValue(1);

    public static final ConfigOption<Integer> CONTAINER_VCORES =
            ConfigOption.key("yarn.containers.vcores").intType().defaultValue(-1)
                    .withDescription("Vcores of a TaskManager container; -1: one per slot.");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL =
            ConfigOption.key("yarn.heartbeat.interval").durationType().defaultValue(Duration.ofSeconds(5))
                    .withDescription("ApplicationMaster heartbeat to the YARN ResourceManager while no container is requested.");

    public static final ConfigOption<Duration> CONTAINER_REQUEST_HEARTBEAT_INTERVAL =
            ConfigOption.key("yarn.heartbeat.container-request-interval").durationType()
                    .defaultValue(Duration.ofMillis(250))
                    .withDescription("ApplicationMaster heartbeat while containers are requested: allocations "
                            + "arrive with heartbeats.");

    public static final ConfigOption<List<String>> FRAMEWORK_CLASSPATH =
            ConfigOption.key("yarn.framework.classpath").listType().defaultValue(List.of())
                    .withDescription("Local jars (or class directories) the containers run with; default: every jar "
                            + "in the lib/ directory that holds the YARN deployer's jar.");

    public static final ConfigOption<String> HADOOP_CONF_DIR =
            ConfigOption.key("env.hadoop.conf.dir").stringType().noDefaultValue()
                    .withDescription("Hadoop configuration directory when HADOOP_CONF_DIR / YARN_CONF_DIR are not set.");

    public static final ConfigOption<String> JAVA_HOME =
            ConfigOption.key("containerized.java-home").stringType().noDefaultValue()
                    .withDescription("JAVA_HOME of the containers; default: the client's java.home.");

    public static final ConfigOption<Duration> ATTACHED_RESULT_WAIT =
            ConfigOption.key("yarn.per-job.attached-result-wait").durationType().defaultValue(Duration.ofMinutes(5))
                    .withDescription("How long an attached per-job cluster keeps running after its job ended, "
                            + "until the client has fetched the result.");
}
