package io.floe.yarn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.runtime.security.ClusterSecret;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * Step 3a of a deployment: the files every container of the application finds in {@link ContainerEnvironment#CONF_DIR}
 * (Floe's configuration as the cluster sees it, the cluster secret, the logging configuration, Hadoop's site files),
 * written into a scratch directory and zipped, so they ship as one localized archive.
 */
final class ContainerConfigurationFiles {

    private ContainerConfigurationFiles() {}

    /** Writes the directory under {@code scratch} and returns its zip, ready to upload. */
    static Path writeArchive(
            Configuration configuration,
            ClusterMode mode,
            Path scratch,
            ApplicationId appId,
            org.apache.hadoop.fs.Path stagingDirectory,
            boolean attached,
            ClusterSecret secret,
            org.apache.hadoop.conf.Configuration containerSite)
            throws IOException {
        Path confDir = Files.createDirectories(scratch.resolve(ContainerEnvironment.CONF_DIR));
        writeConfiguration(configuration, mode, confDir, appId, stagingDirectory, attached);
        secret.writeTo(confDir.resolve(ContainerEnvironment.SECRET_FILE));
        writeLogConfiguration(confDir.resolve(ContainerEnvironment.LOG_CONFIG_FILE));
        for (String name : ContainerEnvironment.HADOOP_CONFIG_FILES) {
            try (OutputStream out = Files.newOutputStream(confDir.resolve(name))) {
                containerSite.writeXml(out);
            }
        }
        return ZipArchive.of(confDir, scratch.resolve(ContainerEnvironment.CONF_DIR + ".zip"));
    }

    /** The client's configuration as the cluster sees it: bound to the container's host and ephemeral ports. */
    private static void writeConfiguration(
            Configuration configuration,
            ClusterMode mode,
            Path confDir,
            ApplicationId appId,
            org.apache.hadoop.fs.Path stagingDirectory,
            boolean attached)
            throws IOException {
        Map<String, String> values = new TreeMap<>(configuration.toMap());
        values.put(YarnConfigOptions.APPLICATION_ID.key(), appId.toString());
        values.put("execution.attached", String.valueOf(attached));
        boolean attemptsRecover =
                mode == ClusterMode.SESSION || YarnConfigOptions.applicationAttempts(configuration) > 1;
        if (attemptsRecover && !values.containsKey(ClusterOptions.HA_STORAGE_DIR.key())) {
            // for the next ApplicationMaster attempt: the jars submitted to a session are written through here,
            // and each job's latest completed checkpoint is recorded here, for the job to resume from
            values.put(
                    ClusterOptions.HA_STORAGE_DIR.key(),
                    new org.apache.hadoop.fs.Path(stagingDirectory, "ha").toString());
        }
        if (YarnConfigOptions.applicationAttempts(configuration) > 1
                && values.containsKey(ClusterOptions.HA_STORAGE_DIR.key())
                && !values.containsKey(ClusterOptions.HA_TYPE.key())) {
            // the running attempt leads and publishes its address there; the TaskManagers YARN keeps for the
            // next attempt follow it
            values.put(ClusterOptions.HA_TYPE.key(), "yarn");
        }
        values.put("security.cluster-secret.file", ContainerEnvironment.inConfDir(ContainerEnvironment.SECRET_FILE));
        values.remove("execution.target");
        values.remove("pipeline.jars");
        values.remove(YarnConfigOptions.FRAMEWORK_CLASSPATH.key());
        values.remove(YarnConfigOptions.HADOOP_CONF_DIR.key());
        for (String key : List.of(
                "jobmanager.rpc.address",
                "jobmanager.rpc.port",
                "jobmanager.bind-host",
                "rest.address",
                "rest.port",
                "rest.bind-address",
                "taskmanager.host",
                "taskmanager.bind-host")) {
            values.remove(key); // the containers choose these
        }
        new ObjectMapper(new YAMLFactory())
                .writeValue(confDir.resolve(ContainerEnvironment.CONFIG_FILE).toFile(), values);
    }

    /** Copies the configuration directory's {@code log4j2.properties} to {@code target}, else the built-in one. */
    private static void writeLogConfiguration(Path target) throws IOException {
        String confDir = System.getenv("FLOE_CONF_DIR");
        if (confDir != null && Files.isRegularFile(Path.of(confDir, "log4j2.properties"))) {
            Files.copy(Path.of(confDir, "log4j2.properties"), target);
            return;
        }
        try (InputStream in =
                ContainerConfigurationFiles.class.getResourceAsStream(ContainerEnvironment.LOG_CONFIG_FILE)) {
            if (in == null) {
                throw new IOException(
                        "The built-in " + ContainerEnvironment.LOG_CONFIG_FILE + " is missing from the deployer's jar");
            }
            Files.copy(in, target);
        }
    }
}
