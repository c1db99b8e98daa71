package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.HashMap;
import java.util.Map;

/**
 * Names that the client, the ApplicationMaster and the TaskManager containers agree on: environment
 * variables and the keys of localized files; and the environment every container starts with.
 */
public final class ContainerEnvironment {
    private ContainerEnvironment() {}

    /** The files every Floe container gets, as {@link ShippedResource#encode encoded}; set in the AM's environment. */
    public static final String ENV_SHIPPED_RESOURCES = "_FLOE_SHIPPED_RESOURCES";
    /** The staging directory of the application, so the AM can delete it on a graceful end. */
    public static final String ENV_STAGING_DIR = "_FLOE_STAGING_DIR";
    /** The JAVA_HOME the client chose for the containers. */
    public static final String ENV_JAVA_HOME = "JAVA_HOME";

    /** Framework jars are localized under this directory of the container. */
    public static final String LIB_DIR = "lib";
    /**
     * The directory of the configuration files every container gets (Floe's, the logging
     * configuration, the cluster secret, Hadoop's site files). They ship as one zip that the
     * NodeManager unpacks here: a NodeManager localizes an application's files one after the
     * other, about 35 ms each, so five files would cost every first container on a node 0.15 s more.
     */
    public static final String CONF_DIR = "floe-conf";
    /** The container's configuration, in {@link #CONF_DIR}: the client's, with the deployment's settings. */
    public static final String CONFIG_FILE = "config.yaml";
    /** The cluster secret every RPC and data connection of the application demands, in {@link #CONF_DIR}. */
    public static final String SECRET_FILE = "cluster-secret";
    /** Logging configuration of the container JVMs, in {@link #CONF_DIR}. */
    public static final String LOG_CONFIG_FILE = "log4j2-container.properties";
    /** The per-job cluster's job graph (Jackson JSON). */
    public static final String JOB_GRAPH_FILE = "job.graph.json";
    /** The application cluster's program: jar, entry class and arguments (Jackson JSON). */
    public static final String APPLICATION_FILE = "application.json";
    /** The per-job cluster's jars (and the application cluster's jar) are localized under this directory. */
    public static final String JOB_JAR_DIR = "job";

    /**
     * The client's Hadoop site settings, on the containers' classpath under the names Hadoop reads
     * after its defaults (a {@code core-site.xml} would lose to {@code yarn-default.xml}), so the
     * ApplicationMaster finds the YARN scheduler and the file system the client used.
     */
    public static final java.util.List<String> HADOOP_CONFIG_FILES =
            java.util.List.of("yarn-site.xml", "hdfs-site.xml");

    /** The container classpath: the framework jars, the configuration directory (Hadoop's site files), the working
     * directory. */
    public static final String CLASSPATH = LIB_DIR + "/*:" + CONF_DIR + ":.";

    /** A file of {@link #CONF_DIR}, relative to the container's working directory. */
    public static String inConfDir(String name) {
        return CONF_DIR + "/" + name;
    }

    /** The environment of every Floe container: JAVA_HOME, the classpath, the configuration directory. */
    public static Map<String, String> of(
            Configuration configuration, org.apache.hadoop.conf.Configuration hadoopConfiguration) {
        Map<String, String> env = new HashMap<>();
        env.put(ENV_JAVA_HOME, configuration.get(YarnConfigOptions.JAVA_HOME, System.getProperty("java.home")));
        env.put("CLASSPATH", HadoopClasspath.of(configuration).containerClasspath(hadoopConfiguration));
        env.put("FLOE_CONF_DIR", CONF_DIR);
        return env;
    }
}
