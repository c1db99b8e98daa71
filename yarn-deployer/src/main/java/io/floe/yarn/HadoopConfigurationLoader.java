package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.runtime.fs.HdfsClientDefaults;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

/**
 * Finds the cluster's Hadoop configuration: the {@code *-site.xml} files of {@code HADOOP_CONF_DIR}
 * and {@code YARN_CONF_DIR} (or {@code env.hadoop.conf.dir}). Without any, the deployment fails
 * with one line that names the variables, since the defaults would point at a YARN on localhost.
 */
public final class HadoopConfigurationLoader {
    private static final List<String> SITE_FILES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml");

    private HadoopConfigurationLoader() {}

    public static YarnConfiguration load(Configuration configuration, Map<String, String> environment) {
        List<Path> dirs = new ArrayList<>();
        for (String candidate : new String[] {
            environment.get("HADOOP_CONF_DIR"),
            environment.get("YARN_CONF_DIR"),
            configuration.get(YarnConfigOptions.HADOOP_CONF_DIR)
        }) {
            if (candidate != null && !candidate.isBlank() && Files.isDirectory(Path.of(candidate))) {
                dirs.add(Path.of(candidate));
            }
        }
        if (dirs.isEmpty()) {
            throw new IllegalArgumentException(
                    "No Hadoop configuration found: set HADOOP_CONF_DIR or YARN_CONF_DIR to the "
                            + "directory holding yarn-site.xml (or set env.hadoop.conf.dir).");
        }
        YarnConfiguration yarn = new YarnConfiguration();
        for (Path dir : dirs) {
            for (String file : SITE_FILES) {
                Path site = dir.resolve(file);
                if (Files.isRegularFile(site)) {
                    yarn.addResource(new org.apache.hadoop.fs.Path(site.toUri()));
                }
            }
        }
        // the client's own YARN and HDFS clients would fail deep inside Hadoop on such a class
        for (HadoopClassSettings.Unloadable unloadable :
                HadoopClassSettings.unloadableResolved(yarn, HadoopConfigurationLoader.class.getClassLoader())) {
            if (unloadable.isRequired()) {
                throw new IllegalArgumentException(unloadable.clientRefusal());
            }
        }
        return HdfsClientDefaults.apply(yarn);
    }
}
