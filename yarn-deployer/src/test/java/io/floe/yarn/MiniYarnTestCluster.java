package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.tools.miniyarn.MiniHadoop;
import io.floe.tools.miniyarn.MiniHadoopSettings;
import io.floe.tools.miniyarn.testing.ContainerLogs;
import io.floe.tools.miniyarn.testing.MiniHadoopExtension;
import io.floe.tools.miniyarn.testing.Waiting;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * What the deployment tests check on the clusters of their {@link MiniHadoopExtension} ({@link #SETTINGS}): the
 * applications, their container logs, the staging directory, WordCount's output on HDFS. Everything lives under
 * {@code target/<test class>} and stays there after a failure, for a look at the container logs.
 */
final class MiniYarnTestCluster implements AutoCloseable {
    final Path work;
    final MiniDFSCluster dfs;
    final MiniYARNCluster yarn;
    final YarnConfiguration yarnConfiguration;
    final Path hadoopConfDir;
    final YarnClient yarnClient;
    final FileSystem fs;

    private MiniYarnTestCluster(
            Path work,
            MiniDFSCluster dfs,
            MiniYARNCluster yarn,
            YarnConfiguration yarnConfiguration,
            Path hadoopConfDir,
            YarnClient yarnClient,
            FileSystem fs) {
        this.work = work;
        this.dfs = dfs;
        this.yarn = yarn;
        this.yarnConfiguration = yarnConfiguration;
        this.hadoopConfDir = hadoopConfDir;
        this.yarnClient = yarnClient;
        this.fs = fs;
    }

    /**
     * The tests' clusters: two NodeManagers of 2 GB and 4 vcores, containers from 256 MB, all of it for
     * ApplicationMasters if need be, one attempt per application (a failed deployment fails at once).
     */
    static final MiniHadoopSettings SETTINGS =
            MiniHadoopSettings.defaults().withNodeManagers(2, 2048, 4).withScheduling(256, 1.0f, 1);

    /** The deployment tests' view of the clusters the test class's {@link MiniHadoopExtension} started. */
    static MiniYarnTestCluster start(MiniHadoopExtension extension) throws Exception {
        MiniHadoop hadoop = extension.hadoop();
        YarnConfiguration yarnConfiguration = hadoop.configuration();
        // what a cluster's site files would say: where the ResourceManager and HDFS are (not the mini
        // clusters' test-only settings, such as their static rack mapping)
        Path hadoopConfDir = hadoop.writeSiteFiles(extension.work().resolve("hadoop-conf"), List.of());
        YarnClient yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConfiguration);
        yarnClient.start();
        return new MiniYarnTestCluster(
                extension.work(),
                hadoop.dfs(),
                hadoop.yarn(),
                yarnConfiguration,
                hadoopConfDir,
                yarnClient,
                FileSystem.get(yarnConfiguration));
    }

    /** Stops the test's YARN client; the extension stops the clusters. */
    @Override
    public void close() {
        yarnClient.stop();
    }

    /**
     * Writes the running clusters' complete configuration as Hadoop writes it ({@code writeXml}: every
     * key, defaults and the mini clusters' own test settings included) into {@code core-site.xml},
     * {@code hdfs-site.xml} and {@code yarn-site.xml} of a new directory: the site files many cluster
     * managers and tools hand out; {@code overrides} are set in it first.
     */
    Path writeCompleteSiteFiles(String directoryName, Map<String, String> overrides) throws IOException {
        Path dir = Files.createDirectories(work.resolve(directoryName));
        YarnConfiguration complete = new YarnConfiguration(yarnConfiguration);
        overrides.forEach(complete::set);
        for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
            try (OutputStream out = Files.newOutputStream(dir.resolve(file))) {
                complete.writeXml(out);
            }
        }
        return dir;
    }

    /** The {@code -D} settings every deployment of the tests uses: small containers, this cluster, this classpath. */
    Map<String, String> deploymentSettings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("jobmanager.memory.process.size", "768m");
        settings.put("taskmanager.memory.process.size", "768m");
        settings.put("heartbeat.interval", "1 s");
        settings.put("env.hadoop.conf.dir", hadoopConfDir.toString());
        settings.put("yarn.framework.classpath", String.join(";", frameworkClasspath()));
        return settings;
    }

    /**
     * A Floe configuration directory {@code work/<name>} whose {@code config.yaml} holds the
     * {@link #deploymentSettings()}, {@code yarn.properties-file.location} {@code propertiesDir} and
     * {@code overrides} (such as another {@code env.hadoop.conf.dir}).
     */
    Path writeFloeConf(String name, Path propertiesDir, Map<String, String> overrides) throws IOException {
        Path dir = Files.createDirectories(work.resolve(name));
        Map<String, String> settings = new TreeMap<>(deploymentSettings());
        settings.put("yarn.properties-file.location", propertiesDir.toString());
        settings.putAll(overrides);
        StringBuilder yaml = new StringBuilder();
        settings.forEach(
                (key, value) -> yaml.append(key).append(": \"").append(value).append("\"\n"));
        Files.writeString(dir.resolve("config.yaml"), yaml.toString());
        return dir;
    }

    /** Hadoop's client jars of the test classpath: what NodeManagers that offer Hadoop would list. */
    static List<String> hadoopClientJars() {
        List<String> jars = java.util.Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry ->
                        Path.of(entry).getFileName().toString().matches("hadoop-client-(api|runtime)-.*\\.jar"))
                .toList();
        assertEquals(2, jars.size(), "Hadoop's client jars on the test classpath: " + jars);
        return jars;
    }

    /** The same settings as {@code -Dkey=value} flags. */
    List<String> deploymentFlags() {
        List<String> flags = new ArrayList<>();
        deploymentSettings().forEach((key, value) -> flags.add("-D" + key + "=" + value));
        return flags;
    }

    Set<ApplicationId> applicationIds() throws Exception {
        Set<ApplicationId> ids = new HashSet<>();
        for (ApplicationReport report : yarnClient.getApplications()) {
            ids.add(report.getApplicationId());
        }
        return ids;
    }

    /** The one application that appeared since {@code before}. */
    ApplicationReport newApplication(Set<ApplicationId> before) throws Exception {
        List<ApplicationReport> fresh = new ArrayList<>();
        for (ApplicationReport report : yarnClient.getApplications()) {
            if (!before.contains(report.getApplicationId())) {
                fresh.add(report);
            }
        }
        assertEquals(1, fresh.size(), "new applications: " + fresh);
        return fresh.get(0);
    }

    ApplicationReport report(ApplicationId id) {
        try {
            return yarnClient.getApplicationReport(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the application has ended: FINISHED, or FAILED or KILLED by YARN. */
    ApplicationReport awaitFinished(ApplicationId id) throws Exception {
        waitUntil(
                () -> List.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED)
                        .contains(report(id).getYarnApplicationState()),
                Duration.ofSeconds(90),
                "application " + id + " ended");
        return report(id);
    }

    /**
     * The arguments of a WordCount run as a user types them: {@code <command> -t <target> -p 2 <jar> --input <input>
     * --output <this HDFS><outputPath> --mode batch}.
     */
    String[] wordCountRun(String command, String target, String input, String outputPath) throws IOException {
        return new String[] {
            command,
            "-t",
            target,
            "-p",
            "2",
            exampleJar("WordCount").toString(),
            "--input",
            input,
            "--output",
            fs.getUri() + outputPath,
            "--mode",
            "batch"
        };
    }

    /**
     * A clean end of a WordCount application: YARN's final status SUCCEEDED, {@code counts} at {@code outputPath} on
     * HDFS, no staging directory left and no exception in a container log. Returns the final report.
     */
    ApplicationReport assertCountedAndCleanedUp(ApplicationId id, String outputPath, Map<String, Long> counts)
            throws Exception {
        ApplicationReport finished = awaitFinished(id);
        assertEquals(FinalApplicationStatus.SUCCEEDED, finished.getFinalApplicationStatus(), finished.getDiagnostics());
        assertEquals(counts, readCounts(outputPath));
        assertNoStagingLeft(id);
        assertNoExceptionsInContainerLogs(id);
        return finished;
    }

    void assertNoStagingLeft(ApplicationId id) throws IOException {
        org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(fs.getHomeDirectory(), ".floe/" + id);
        assertFalse(fs.exists(staging), "staging directory " + staging + " is left");
    }

    /** Writes {@code text} to HDFS and returns its full URI. */
    String writeFile(String path, String text) throws IOException {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
        try (OutputStream out = fs.create(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return fs.getUri() + path;
    }

    /** WordCount's {@code (word,count)} lines in a file or directory of HDFS, summed. */
    Map<String, Long> readCounts(String path) throws IOException {
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(path);
        Map<String, Long> counts = new TreeMap<>();
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        if (fs.getFileStatus(output).isDirectory()) {
            for (FileStatus status : fs.listStatus(output)) {
                files.add(status.getPath());
            }
        } else {
            files.add(output);
        }
        for (org.apache.hadoop.fs.Path file : files) {
            String text;
            try (var in = fs.open(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    String[] parts = line.substring(1, line.length() - 1).split(",");
                    counts.merge(parts[0], Long.parseLong(parts[1]), Long::sum);
                }
            }
        }
        return counts;
    }

    List<Path> containerLogs(ApplicationId id, String fileName) throws IOException {
        return ContainerLogs.find(work.resolve("data"), id.toString(), fileName);
    }

    /** A deployment that went well leaves no exception in any log, output or error file of its containers. */
    void assertNoExceptionsInContainerLogs(ApplicationId id) throws IOException {
        List<String> found = ContainerLogs.exceptionLines(work.resolve("data"), id.toString());
        assertTrue(found.isEmpty(), "unexpected exceptions in the container logs:\n" + String.join("\n", found));
    }

    /** GET of a path of the REST endpoint of a running Floe application, as JSON. */
    JsonNode restGet(ApplicationId application, String path) throws IOException, InterruptedException {
        ApplicationReport report = report(application);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://" + report.getHost() + ":" + report.getRpcPort() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    int nodeManagers() {
        try {
            return yarnClient.getNodeReports().size();
        } catch (Exception e) {
            return 0;
        }
    }

    /** The test's classpath without what only tests need: what the dist's lib/ would hold. */
    static List<String> frameworkClasspath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).toString();
            if (name.contains("test-classes")
                    || name.contains("junit")
                    || name.contains("mockito")
                    || name.contains("hadoop-client-minicluster")
                    || name.contains("floe-mini-yarn")
                    || name.contains("mini-yarn/target")
                    || name.contains("jul-to-slf4j")
                    || name.contains("bcprov")
                    || name.contains("bcpkix")
                    || name.contains("surefire")
                    || name.contains("failsafe")
                    || name.contains("floe-examples")
                    || name.contains("examples/target")
                    || name.contains("opentest4j")
                    || name.contains("apiguardian")
                    || name.contains("byte-buddy")
                    || name.contains("objenesis")
                    || name.contains("hamcrest")
                    || name.contains("log4j-1.2-api")) {
                continue;
            }
            entries.add(entry);
        }
        return entries;
    }

    /** An example jar from the test classpath (packed, with its Main-Class, if it is a class directory). */
    Path exampleJar(String example) throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (path.toString().endsWith("-" + example + ".jar")) {
                return path;
            }
            if (Files.isDirectory(path) && Files.exists(path.resolve("io/floe/examples/" + example + ".class"))) {
                Path jar = work.resolve(example + ".jar");
                if (!Files.exists(jar)) {
                    Manifest manifest = new Manifest();
                    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.floe.examples." + example);
                    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
                            Stream<Path> files = Files.walk(path)) {
                        for (Path file : files.filter(Files::isRegularFile).toList()) {
                            out.putNextEntry(new JarEntry(path.relativize(file).toString()));
                            Files.copy(file, out);
                            out.closeEntry();
                        }
                    }
                }
                return jar;
            }
        }
        throw new IllegalStateException("The " + example + " example is not on the test classpath");
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        Waiting.until(condition, timeout, what);
    }
}
