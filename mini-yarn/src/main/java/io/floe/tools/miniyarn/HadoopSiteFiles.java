package io.floe.tools.miniyarn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes what a cluster's {@code HADOOP_CONF_DIR} would say about the embedded clusters: where HDFS
 * and the ResourceManager are ({@code core-site.xml}, {@code hdfs-site.xml}, {@code yarn-site.xml}),
 * and nothing of the mini clusters' test-only settings.
 */
final class HadoopSiteFiles {
    static final String CORE_SITE = "core-site.xml";
    static final String HDFS_SITE = "hdfs-site.xml";
    static final String YARN_SITE = "yarn-site.xml";

    private HadoopSiteFiles() {}

    static void write(Configuration running, Path confDir) throws IOException {
        write(running, confDir, List.of());
    }

    /** @param applicationClasspath unless empty, {@code yarn.application.classpath} */
    static void write(Configuration running, Path confDir, List<String> applicationClasspath) throws IOException {
        Files.createDirectories(confDir);
        Configuration core = new Configuration(false);
        core.set("fs.defaultFS", running.get("fs.defaultFS"));
        Configuration hdfs = new Configuration(false);
        hdfs.set("dfs.replication", running.get("dfs.replication"));
        hdfs.set(
                "dfs.client.block.write.replace-datanode-on-failure.policy",
                running.get("dfs.client.block.write.replace-datanode-on-failure.policy"));
        Configuration yarn = new Configuration(false);
        for (Map.Entry<String, String> entry : running) {
            String key = entry.getKey();
            if (key.startsWith("yarn.resourcemanager.") && key.endsWith(".address") && !key.contains("https")) {
                yarn.set(key, running.get(key));
            }
        }
        if (!applicationClasspath.isEmpty()) {
            yarn.set("yarn.application.classpath", String.join(",", applicationClasspath));
        }
        writeAtomically(core, confDir.resolve(CORE_SITE));
        writeAtomically(hdfs, confDir.resolve(HDFS_SITE));
        writeAtomically(yarn, confDir.resolve(YARN_SITE));
    }

    private static void writeAtomically(Configuration conf, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            conf.writeXml(out);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
