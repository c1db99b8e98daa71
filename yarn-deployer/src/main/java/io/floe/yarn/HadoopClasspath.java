package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.yarn.api.ApplicationConstants;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * Where the containers get Hadoop's client classes from ({@code yarn.hadoop-classpath}):
 *
 * <ul>
 *   <li>{@code ship} (default): Floe ships the Hadoop client jars of its {@code lib/} with the
 *       other framework jars. Works on any cluster, also on one whose NodeManagers have no Hadoop
 *       jars to offer (MiniYARNCluster, {@code mini-yarn.sh}).
 *   <li>{@code cluster}: as Flink does, the containers take Hadoop from the cluster's
 *       {@code yarn.application.classpath}, after Floe's own jars; the 48 MB of Hadoop client jars
 *       are neither uploaded nor localized.
 * </ul>
 */
public enum HadoopClasspath {
    SHIP,
    CLUSTER;

    /** Framework jars named like this are Hadoop's client, which {@code cluster} leaves to the cluster. */
    private static final String HADOOP_CLIENT_JAR_PREFIX = "hadoop-client-";

    /** The mode the configuration names; fails naming the key and the values it takes. */
    public static HadoopClasspath of(Configuration configuration) {
        String value = configuration.get(YarnConfigOptions.HADOOP_CLASSPATH).trim();
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "ship" -> SHIP;
            case "cluster" -> CLUSTER;
            default ->
                throw new IllegalConfigurationException(YarnConfigOptions.HADOOP_CLASSPATH.key() + " is '" + value
                        + "'; use 'ship' (Floe ships Hadoop's client jars) or 'cluster' (the containers use the "
                        + "cluster's "
                        + "yarn.application.classpath).");
        };
    }

    /** The framework jars to ship: all of them, or (cluster) those that are not Hadoop's client. */
    public List<Path> frameworkJars(List<Path> classpath) {
        if (this == SHIP) {
            return classpath;
        }
        return classpath.stream()
                .filter(jar -> !jar.getFileName().toString().startsWith(HADOOP_CLIENT_JAR_PREFIX))
                .toList();
    }

    /** The containers' {@code CLASSPATH}: the framework jars, the working directory, and (cluster) the cluster's
     * entries. */
    public String containerClasspath(org.apache.hadoop.conf.Configuration hadoopConfiguration) {
        if (this == SHIP) {
            return ContainerEnvironment.CLASSPATH;
        }
        String[] clusterEntries = hadoopConfiguration.getTrimmedStrings(
                YarnConfiguration.YARN_APPLICATION_CLASSPATH,
                YarnConfiguration.DEFAULT_YARN_CROSS_PLATFORM_APPLICATION_CLASSPATH);
        // <CPS> and {{VAR}} are expanded by the NodeManager, so the cross-platform default works as is
        return ContainerEnvironment.CLASSPATH
                + ApplicationConstants.CLASS_PATH_SEPARATOR
                + String.join(ApplicationConstants.CLASS_PATH_SEPARATOR, clusterEntries);
    }
}
