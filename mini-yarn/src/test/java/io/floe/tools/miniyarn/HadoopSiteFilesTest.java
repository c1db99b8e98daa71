package io.floe.tools.miniyarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HadoopSiteFilesTest {
    @TempDir
    Path confDir;

    @Test
    void writesWhereHdfsAndTheResourceManagerAreAndNothingOfTheMiniClustersSettings() throws Exception {
        Configuration running = MiniHadoopSettings.defaults().toConfiguration();
        running.set("fs.defaultFS", "hdfs://localhost:40001");
        running.set("yarn.resourcemanager.hostname", "localhost");
        running.set("yarn.resourcemanager.address", "localhost:40002");
        running.set("yarn.resourcemanager.scheduler.address", "${yarn.resourcemanager.hostname}:40003");
        running.set("yarn.resourcemanager.webapp.https.address", "0.0.0.0:8090");

        HadoopSiteFiles.write(running, confDir);

        assertEquals(Map.of("fs.defaultFS", "hdfs://localhost:40001"), read(HadoopSiteFiles.CORE_SITE));
        assertEquals(
                Map.of("dfs.replication", "1", "dfs.client.block.write.replace-datanode-on-failure.policy", "NEVER"),
                read(HadoopSiteFiles.HDFS_SITE));
        Map<String, String> yarn = read(HadoopSiteFiles.YARN_SITE);
        assertEquals("localhost:40002", yarn.get("yarn.resourcemanager.address"));
        assertEquals("localhost:40003", yarn.get("yarn.resourcemanager.scheduler.address"), "variables resolved");
        assertNull(yarn.get("yarn.resourcemanager.webapp.https.address"));
        assertNull(yarn.get("yarn.scheduler.capacity.root.queues"), "the mini cluster's own settings stay out");
    }

    private Map<String, String> read(String file) {
        Configuration site = new Configuration(false);
        site.addResource(new org.apache.hadoop.fs.Path(confDir.resolve(file).toUri()));
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, String> entry : site) {
            values.put(entry.getKey(), entry.getValue());
        }
        return values;
    }
}
