package io.floe.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void parsesFlagsJarAndProgramArguments() throws Exception {
        RunOptions options = RunOptions.parse(new String[] {
            "-t",
            "local",
            "-p",
            "4",
            "-c",
            "com.example.Job",
            "-D",
            "pipeline.name=a",
            "-Dheartbeat.timeout=20 s",
            "job.jar",
            "--input",
            "in.txt"
        });
        assertEquals("local", options.getTarget());
        assertEquals(4, options.getParallelism());
        assertEquals("com.example.Job", options.getEntryPoint());
        assertEquals(Map.of("pipeline.name", "a", "heartbeat.timeout", "20 s"), options.getProperties());
        assertEquals(Path.of("job.jar"), options.getJar());
        assertEquals(List.of("--input", "in.txt"), options.getProgramArguments());
    }

    @Test
    void acceptsLongFlags() throws Exception {
        RunOptions options = RunOptions.parse(
                new String[] {"--target", "local", "--parallelism=2", "--class", "com.example.Job", "job.jar"});
        assertEquals("local", options.getTarget());
        assertEquals(2, options.getParallelism());
        assertEquals("com.example.Job", options.getEntryPoint());
    }

    @Test
    void leavesEverythingAfterTheJarToTheProgram() throws Exception {
        RunOptions options = RunOptions.parse(new String[] {"-p", "2", "job.jar", "-p", "7", "-Dx=y", "-c", "--", "z"});
        assertEquals(2, options.getParallelism());
        assertNull(options.getEntryPoint());
        assertEquals(List.of("-p", "7", "-Dx=y", "-c", "--", "z"), options.getProgramArguments());
    }

    @Test
    void fromSavepointAndAllowNonRestoredStateBecomeFlinksKeys() throws Exception {
        Configuration configuration = new Configuration();
        RunOptions.parse(new String[] {"-s", "hdfs:///sp/savepoint-1", "-n", "job.jar"})
                .applyTo(configuration);
        assertEquals("hdfs:///sp/savepoint-1", configuration.getString("execution.savepoint.path"));
        assertEquals("true", configuration.getString("execution.savepoint.ignore-unclaimed-state"));

        CliException alone = assertThrows(
                CliException.class, () -> RunOptions.parse(new String[] {"--allowNonRestoredState", "job.jar"}));
        assertEquals("Option -n (--allowNonRestoredState) only goes with -s <savepoint path>", alone.getMessage());
    }

    @Test
    void recognisesHelp() throws Exception {
        assertTrue(RunOptions.parse(new String[] {"--help"}).isHelpRequested());
        assertTrue(RunOptions.parse(new String[] {"-p", "2", "-h"}).isHelpRequested());
    }

    @Test
    void appliesPropertiesThenFlagsThenJar() throws Exception {
        Configuration configuration = new Configuration()
                .setString("parallelism.default", "8")
                .setString("pipeline.jars", "file:/opt/lib/udf.jar");
        RunOptions.parse(new String[] {
                    "-D",
                    "parallelism.default=3",
                    "-D",
                    "execution.target=elsewhere",
                    "-D",
                    "execution.runtime-mode=batch",
                    "-p",
                    "2",
                    "-t",
                    "local",
                    "build/job.jar"
                })
                .applyTo(configuration);

        assertEquals(2, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("local", configuration.get(CoreOptions.TARGET));
        assertEquals("batch", configuration.getString("execution.runtime-mode"));
        String jarUrl =
                Path.of("build/job.jar").toAbsolutePath().normalize().toUri().toString();
        assertTrue(jarUrl.startsWith("file:/"), jarUrl);
        assertEquals(List.of("file:/opt/lib/udf.jar", jarUrl), configuration.get(CoreOptions.PIPELINE_JARS));
    }

    @Test
    void keepsConfiguredValuesWithoutFlags() throws Exception {
        Configuration configuration = new Configuration().setString("parallelism.default", "6");
        RunOptions.parse(new String[] {"job.jar"}).applyTo(configuration);
        assertEquals(6, configuration.get(CoreOptions.DEFAULT_PARALLELISM));
        assertEquals("local", configuration.get(CoreOptions.TARGET));
    }

    @Test
    void rejectsPropertyWithoutValue() {
        assertMessage("Option -D needs key=value, not 'foo'", "-D", "foo", "job.jar");
        assertMessage("Option -D needs key=value, not '=3'", "-D=3", "job.jar");
    }

    @Test
    void rejectsUnknownOrMalformedPropertyWhenApplied() throws Exception {
        RunOptions unknown = RunOptions.parse(new String[] {"-D", "paralelism.default=2", "job.jar"});
        CliException e = assertThrows(CliException.class, () -> unknown.applyTo(new Configuration()));
        assertEquals(
                "Bad -D option: Unknown configuration key 'paralelism.default'; did you mean 'parallelism.default'?",
                e.getMessage());

        RunOptions malformed = RunOptions.parse(new String[] {"-D", "parallelism.default=many", "job.jar"});
        e = assertThrows(CliException.class, () -> malformed.applyTo(new Configuration()));
        assertEquals(
                "Bad -D option: Invalid value 'many' for 'parallelism.default': expected an integer.", e.getMessage());
    }

    @Test
    void rejectsBadParallelism() {
        assertMessage("Option -p needs a positive integer, not '0'", "-p", "0", "job.jar");
        assertMessage("Option -p needs a positive integer, not 'abc'", "-p", "abc", "job.jar");
        assertMessage("Option -p needs a positive integer, not '-1'", "-p=-1", "job.jar");
    }

    @Test
    void rejectsFlagWithoutValue() {
        assertMessage("Option -p/--parallelism needs a value; see floe run --help", "-p");
    }

    @Test
    void detachedAndJobManagerSelectTheRemoteTarget() throws Exception {
        RunOptions options = RunOptions.parse(new String[] {"-m", "cluster-host:8081", "-d", "job.jar"});
        Configuration configuration = new Configuration();
        options.applyTo(configuration);
        assertEquals("remote", configuration.get(CoreOptions.TARGET));
        assertEquals("cluster-host", configuration.get(ClusterOptions.REST_ADDRESS));
        assertEquals(8081, configuration.get(ClusterOptions.REST_PORT));
        assertEquals(false, configuration.get(CoreOptions.ATTACHED));
        assertMessage("Option -m needs host:port, not 'cluster-host'", "-m", "cluster-host", "job.jar");
    }

    @Test
    void rejectsUnknownFlag() {
        assertMessage("Unknown option '-x' for floe run; see floe --help", "-x", "job.jar");
        assertMessage(
                "Unknown option '--frobnicate' for floe run; see floe --help", "-p", "2", "--frobnicate", "job.jar");
    }

    @Test
    void rejectsMissingJar() {
        assertMessage("floe run needs a job jar; see floe run --help");
        assertMessage("floe run needs a job jar; see floe run --help", "-p", "2");
    }

    private static void assertMessage(String expected, String... arguments) {
        CliException e = assertThrows(CliException.class, () -> RunOptions.parse(arguments));
        assertEquals(expected, e.getMessage());
        assertEquals(ExitCode.USAGE, e.exitCode());
    }
}
