package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.yarn.HadoopClassSettings.Unloadable;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class HadoopClassSettingsTest {
    /** Loads only the classes it is told of, as a container's classpath that lacks the rest. */
    private static ClassLoader loaderOf(String... classNames) {
        Set<String> files = java.util.Arrays.stream(classNames)
                .map(name -> name.replace('.', '/') + ".class")
                .collect(Collectors.toSet());
        return new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                return files.contains(name)
                        ? HadoopClassSettingsTest.class.getResource("HadoopClassSettingsTest.class")
                        : null;
            }
        };
    }

    private static Configuration site(Map<String, String> settings) {
        Configuration site = new Configuration(false);
        settings.forEach(site::set);
        return site;
    }

    private static Map<String, Unloadable> byKey(List<Unloadable> unloadable) {
        return unloadable.stream().collect(Collectors.toMap(Unloadable::key, u -> u));
    }

    @Test
    void tellsTheRackAndGroupMappingsFromWhatFloeNeedsAndFromWhatNoFloeProcessReads() {
        Configuration site = site(Map.of(
                "net.topology.node.switch.mapping.impl", "org.apache.hadoop.net.StaticMapping",
                "hadoop.security.group.mapping", "com.example.DirectoryGroupsMapping",
                "hadoop.rpc.socket.factory.class.default", "com.example.SocksSocketFactory",
                "yarn.resourcemanager.scheduler.class",
                        "org.apache.hadoop.yarn.server.resourcemanager.scheduler.fair.FairScheduler",
                "fs.defaultFS", "hdfs://warehouse:8020",
                "dfs.replication", "3"));
        Map<String, Unloadable> found = byKey(HadoopClassSettings.unloadable(site, loaderOf()));

        assertEquals(
                Set.of(
                        "net.topology.node.switch.mapping.impl",
                        "hadoop.security.group.mapping",
                        "hadoop.rpc.socket.factory.class.default",
                        "yarn.resourcemanager.scheduler.class"),
                found.keySet());
        assertTrue(found.get("net.topology.node.switch.mapping.impl").isDefaultSafe());
        assertTrue(found.get("hadoop.security.group.mapping").isDefaultSafe());
        assertTrue(found.get("hadoop.rpc.socket.factory.class.default").isRequired());
        Unloadable scheduler = found.get("yarn.resourcemanager.scheduler.class");
        assertFalse(scheduler.isRequired() || scheduler.isDefaultSafe(), "read by the ResourceManager only");
        assertNull(scheduler.setting());
    }

    @Test
    void aLoadableClassIsNoProblem() {
        Configuration site = site(Map.of(
                "net.topology.node.switch.mapping.impl",
                "org.apache.hadoop.net.ScriptBasedMapping",
                "ipc.callqueue.impl",
                "java.util.concurrent.LinkedBlockingQueue"));
        ClassLoader withHadoopAndTheJdk = new ClassLoader(loaderOf("org.apache.hadoop.net.ScriptBasedMapping")) {
            @Override
            public URL getResource(String name) {
                URL own = getParent().getResource(name);
                return own != null ? own : ClassLoader.getPlatformClassLoader().getResource(name);
            }
        };
        assertEquals(List.of(), HadoopClassSettings.unloadable(site, withHadoopAndTheJdk));
    }

    @Test
    void readsEachClassOfAListAndLeavesValuesThatAreNoClassNames() {
        Configuration site = site(Map.of(
                "io.compression.codecs", "org.apache.hadoop.io.compress.GzipCodec, com.hadoop.compression.lzo.LzoCodec",
                "yarn.resourcemanager.hostname", "rm1.example.com",
                "hadoop.security.auth_to_local", "RULE:[1:$1@$0](.*@EXAMPLE.COM)s/@.*//",
                "yarn.nodemanager.aux-services", "mapreduce_shuffle"));
        List<Unloadable> found =
                HadoopClassSettings.unloadable(site, loaderOf("org.apache.hadoop.io.compress.GzipCodec"));
        assertEquals(1, found.size(), found.toString());
        assertEquals("com.hadoop.compression.lzo.LzoCodec", found.get(0).className());
    }

    @Test
    void theDefaultFileSystemsImplementationIsRequiredOthersAreNot() {
        Configuration site = site(Map.of(
                "fs.defaultFS",
                "viewfs://cluster/",
                "fs.viewfs.impl",
                "com.example.ViewFileSystem",
                "fs.s3a.impl",
                "org.apache.hadoop.fs.s3a.S3AFileSystem"));
        Map<String, Unloadable> found = byKey(HadoopClassSettings.unloadable(site, loaderOf()));
        assertTrue(found.get("fs.viewfs.impl").isRequired());
        assertFalse(found.get("fs.s3a.impl").isRequired(), "only resolved for s3a:// paths");
        assertTrue(
                found.get("fs.viewfs.impl")
                        .containerRefusal()
                        .startsWith("The Hadoop setting fs.viewfs.impl names "
                                + "com.example.ViewFileSystem, which Floe's containers cannot load; the default file "
                                + "system (fs.defaultFS) "
                                + "needs it."),
                found.get("fs.viewfs.impl").containerRefusal());
    }

    @Test
    void theResourceManagersFailoverProviderIsRequiredOnlyWithHa() {
        Map<String, String> settings = new java.util.HashMap<>(
                Map.of("yarn.client.failover-proxy-provider", "com.example.RmFailoverProvider"));
        assertFalse(HadoopClassSettings.unloadable(site(settings), loaderOf())
                .get(0)
                .isRequired());
        settings.put("yarn.resourcemanager.ha.enabled", "true");
        assertTrue(HadoopClassSettings.unloadable(site(settings), loaderOf())
                .get(0)
                .isRequired());
    }

    @Test
    void theResolvedCheckLooksOnlyAtSettingsFloeResolves() {
        Configuration site = site(Map.of(
                "net.topology.node.switch.mapping.impl", "org.apache.hadoop.net.StaticMapping",
                "yarn.resourcemanager.scheduler.class", "com.example.Scheduler",
                "dfs.client.failover.proxy.provider.warehouse", "com.example.ProxyProvider"));
        Map<String, Unloadable> found = byKey(HadoopClassSettings.unloadableResolved(site, loaderOf()));
        assertEquals(
                Set.of("net.topology.node.switch.mapping.impl", "dfs.client.failover.proxy.provider.warehouse"),
                found.keySet());
        assertTrue(found.get("dfs.client.failover.proxy.provider.warehouse")
                .clientRefusal()
                .endsWith("Put the jar that holds it into Floe's lib/."));
    }

    @Test
    void leavingOutASettingKeepsTheRest() {
        Configuration site = site(Map.of(
                "net.topology.node.switch.mapping.impl",
                "org.apache.hadoop.net.StaticMapping",
                "dfs.replication",
                "2"));
        Configuration shipped = HadoopClassSettings.without(site, HadoopClassSettings.unloadable(site, loaderOf()));
        assertNull(shipped.get("net.topology.node.switch.mapping.impl"));
        assertEquals("2", shipped.get("dfs.replication"));
        assertEquals(
                "org.apache.hadoop.net.StaticMapping", site.get("net.topology.node.switch.mapping.impl"), "a copy");
    }
}
