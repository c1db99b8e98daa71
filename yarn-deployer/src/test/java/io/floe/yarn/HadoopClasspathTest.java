package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.junit.jupiter.api.Test;

class HadoopClasspathTest {
    private final List<Path> framework = List.of(
            Path.of("/floe/lib/floe-runtime.jar"),
            Path.of("/floe/lib/hadoop-client-api-3.4.3.jar"),
            Path.of("/floe/lib/hadoop-client-runtime-3.4.3.jar"),
            Path.of("/floe/lib/netty-common.jar"));

    @Test
    void shipsHadoopsClientJarsByDefault() {
        HadoopClasspath mode = HadoopClasspath.of(new Configuration());

        assertEquals(HadoopClasspath.SHIP, mode);
        assertEquals(framework, mode.frameworkJars(framework));
        assertEquals(ContainerEnvironment.CLASSPATH, mode.containerClasspath(new YarnConfiguration()));
    }

    @Test
    void clusterLeavesHadoopToTheClustersApplicationClasspath() {
        Configuration configuration = new Configuration();
        configuration.set(YarnConfigOptions.HADOOP_CLASSPATH, "cluster");
        YarnConfiguration hadoop = new YarnConfiguration();
        hadoop.set(YarnConfiguration.YARN_APPLICATION_CLASSPATH, "/etc/hadoop/conf, /opt/hadoop/share/*");

        HadoopClasspath mode = HadoopClasspath.of(configuration);

        assertEquals(
                List.of(Path.of("/floe/lib/floe-runtime.jar"), Path.of("/floe/lib/netty-common.jar")),
                mode.frameworkJars(framework));
        assertEquals(
                ContainerEnvironment.CLASSPATH + "<CPS>/etc/hadoop/conf<CPS>/opt/hadoop/share/*",
                mode.containerClasspath(hadoop));
        assertTrue(
                mode.containerClasspath(new YarnConfiguration()).contains("{{HADOOP_COMMON_HOME}}"),
                "without a setting, YARN's cross-platform default classpath applies");
    }

    @Test
    void refusesAnUnknownModeNamingTheKeyAndTheValues() {
        Configuration configuration = new Configuration();
        configuration.set(YarnConfigOptions.HADOOP_CLASSPATH, "provided");

        IllegalConfigurationException e =
                assertThrows(IllegalConfigurationException.class, () -> HadoopClasspath.of(configuration));

        assertTrue(e.getMessage().contains("yarn.hadoop-classpath is 'provided'"), e.getMessage());
        assertTrue(e.getMessage().contains("'ship'") && e.getMessage().contains("'cluster'"), e.getMessage());
    }
}
