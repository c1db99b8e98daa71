package io.floe.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.client.testing.TestJars;
import io.floe.client.testing.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFrontendTest {
    @TempDir
    static Path jars;

    static Path programs;
    static Path withoutMainClass;

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();

    @BeforeAll
    static void buildJars() throws Exception {
        programs = TestJars.builder()
                .source("com.example.ReportingJob", TestPrograms.REPORTING)
                .source("com.example.FailedJob", TestPrograms.FAILED_JOB)
                .source("com.example.ThrowingJob", TestPrograms.THROWING)
                .source("com.example.SubmittingJob", TestPrograms.SUBMITTING)
                .source("com.example.NoMain", TestPrograms.NO_MAIN)
                .mainClass("com.example.ReportingJob")
                .build(jars, "programs.jar");
        withoutMainClass = TestJars.builder()
                .source("com.example.ThrowingJob", TestPrograms.THROWING)
                .build(jars, "no-main-class.jar");
    }

    // ---- usage and help

    @Test
    void withoutArgumentsPrintsUsageToStderrAndFails() {
        assertEquals(ExitCode.USAGE, floe());
        assertTrue(stderr().startsWith("Usage: floe <command>"), stderr());
        assertTrue(stderr().contains("\n  run "), stderr());
        assertEquals("", stdout());
    }

    @Test
    void helpListsCommandsAndExitCodes() {
        for (String flag : List.of("--help", "-h")) {
            out.reset();
            assertEquals(ExitCode.SUCCESS, floe(flag));
            String help = stdout();
            assertTrue(help.startsWith("Usage: floe <command>"), help);
            assertTrue(
                    help.contains("Runs a job jar: floe run [-t target] [-m host:port] [-d] [-p n] [-c class] [-D "
                            + "key=value]..."),
                    help);
            assertTrue(help.contains("floe run-application -t yarn-application"), help);
            assertTrue(
                    help.contains("Lists the jobs of a cluster: floe list [-m host:port | -Dyarn.application.id=<id>]"),
                    help);
            assertTrue(
                    help.contains("Cancels a job: floe cancel [-m host:port | -Dyarn.application.id=<id>] <jobId>"),
                    help);
            assertTrue(help.contains("  3  the cluster could not be reached"), help);
            assertTrue(help.contains("  0  success"), help);
            assertTrue(help.contains("  1  usage or input error"), help);
            assertTrue(help.contains("  2  the program failed"), help);
        }
        assertEquals("", stderr());
    }

    @Test
    void runHelpListsItsOptions() {
        assertEquals(ExitCode.SUCCESS, floe("run", "--help"));
        String help = stdout();
        assertTrue(help.startsWith("usage: floe run [options] <jar> [arguments]"), help);
        for (String option : List.of(
                "-t,--target <target>", "-p,--parallelism <n>", "-c,--class <class>", "-D <key=value>", "-h,--help")) {
            assertTrue(help.contains(option), option + " in\n" + help);
        }
    }

    @Test
    void rejectsUnknownCommand() {
        assertUserError("Unknown command 'submit'; see floe --help", "submit", "job.jar");
    }

    @Test
    void rejectsUnknownTopLevelOption() {
        assertUserError("Unknown option '--verbose'; see floe --help", "--verbose");
    }

    @Test
    void rejectsUnknownRunOption() {
        assertUserError(
                "Unknown option '--frobnicate' for floe run; see floe --help",
                "run",
                "--frobnicate",
                programs.toString());
    }

    // ---- bad input

    @Test
    void rejectsMissingJar() {
        Path missing = work.resolve("x.jar");
        assertUserError("Job jar not found: " + missing, "run", "-t", "local", missing.toString());
    }

    @Test
    void rejectsFileThatIsNotAJar() throws Exception {
        Path text = Files.writeString(work.resolve("job.txt"), "hello");
        assertUserError("Not a jar file: " + text, "run", text.toString());
    }

    @Test
    void rejectsJarWithoutMainClass() {
        assertUserError(
                withoutMainClass + " has no Main-Class in its manifest; name the entry point with -c <class>",
                "run",
                withoutMainClass.toString());
    }

    @Test
    void rejectsEntryPointNotInJar() {
        assertUserError(
                "Class com.example.Nope (-c) not found in " + programs,
                "run",
                "-c",
                "com.example.Nope",
                programs.toString());
    }

    @Test
    void rejectsEntryPointWithoutMain() {
        assertUserError(
                "com.example.NoMain has no public static void main(String[]) method",
                "run",
                "-c",
                "com.example.NoMain",
                programs.toString());
    }

    @Test
    void rejectsPropertyWithoutEquals() {
        assertUserError("Option -D needs key=value, not 'foo'", "run", "-D", "foo", programs.toString());
    }

    @Test
    void rejectsUnknownKeyNamingIt() {
        assertUserError(
                "Bad -D option: Unknown configuration key 'taskmanager.numberOfTaskSlot'; "
                        + "did you mean 'taskmanager.numberOfTaskSlots'?",
                "run",
                "-Dtaskmanager.numberOfTaskSlot=2",
                programs.toString());
    }

    @Test
    void rejectsMalformedValueNamingTheKey() {
        assertUserError(
                "Bad -D option: Invalid value 'soon' for 'heartbeat.timeout': "
                        + "expected a duration such as '10 s', '500 ms' or '1 min'.",
                "run",
                "-D",
                "heartbeat.timeout=soon",
                programs.toString());
    }

    @Test
    void rejectsBadParallelism() {
        assertUserError("Option -p needs a positive integer, not '0'", "run", "-p", "0", programs.toString());
        err.reset();
        assertUserError("Option -p needs a positive integer, not 'abc'", "run", "-p", "abc", programs.toString());
    }

    @Test
    void rejectsUnknownTargetNamingTheKnownOnes() {
        assertUserError("Unknown target 'yarn'; known targets: local", "run", "-t", "yarn", programs.toString());
    }

    @Test
    void runApplicationNeedsAnApplicationTarget() {
        assertUserError(
                "floe run-application needs an application target such as -t yarn-application, not 'local'; "
                        + "no application target is on this class path",
                "run-application",
                programs.toString());
    }

    @Test
    void aRemoteJarRunsOnlyInApplicationMode() {
        assertUserError(
                "The jar hdfs://namenode/jobs/job.jar is not a local file; only application mode "
                        + "(-t yarn-application) reads a jar from a remote file system. Copy it here for other "
                        + "targets.",
                "run",
                "hdfs://namenode/jobs/job.jar");
    }

    @Test
    void listTakesTheClusterFromDashM() {
        assertEquals(ExitCode.CLUSTER_ERROR, floe("list", "-m", "127.0.0.1:1", "-Dparallelism.default=2"));
        assertTrue(stderr().contains("127.0.0.1:1"), stderr());
    }

    @Test
    void runToAClusterThatCannotBeReachedIsTheClustersErrorInOneLine() {
        CliFrontend withRemote = new CliFrontend(
                new PrintStream(out, true), new PrintStream(err, true), environment, () -> Set.of("local", "remote"));
        assertEquals(
                ExitCode.CLUSTER_ERROR,
                withRemote.run(
                        new String[] {"run", "-m", "127.0.0.1:1", "-c", "com.example.SubmittingJob", programs.toString()
                        }),
                stderr());
        assertTrue(stderr().contains("127.0.0.1:1") && !stderr().contains("Exception"), stderr());
        assertEquals(1, stderr().strip().lines().count(), stderr());
    }

    @Test
    void rejectsBadKeyInConfigFile() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), "parallelism:\n  default: 2\nheartbeat.timout: 5 s\n");
        environment.put("FLOE_CONF_DIR", conf.toString());
        assertUserError(
                conf.resolve("config.yaml") + ": Unknown configuration key 'heartbeat.timout'; "
                        + "did you mean 'heartbeat.timeout'?",
                "run",
                programs.toString());
    }

    @Test
    void rejectsMissingConfigDirectory() {
        Path conf = work.resolve("no-such-conf");
        environment.put("FLOE_CONF_DIR", conf.toString());
        assertUserError(
                "Configuration directory not found: " + conf + " (from FLOE_CONF_DIR)", "run", programs.toString());
    }

    // ---- running programs

    @Test
    void runsProgramWithConfigFileFlagsAndJar() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), "parallelism.default: 5\npipeline:\n  name: from-file\n");
        environment.put("FLOE_CONF_DIR", conf.toString());
        Path report = work.resolve("report.txt");

        assertEquals(
                ExitCode.SUCCESS,
                floe(
                        "run",
                        "-t",
                        "local",
                        "-p",
                        "3",
                        "-Dpipeline.name=from-flag",
                        programs.toString(),
                        report.toString(),
                        "more"));

        assertEquals("", stderr());
        assertEquals(report + ",more|3|local|" + programs.toUri() + "|from-flag|true", Files.readString(report));
    }

    @Test
    void takesParallelismFromConfigFileWithoutFlag() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), "parallelism.default: 5\n");
        environment.put("FLOE_CONF_DIR", conf.toString());
        Path report = work.resolve("report.txt");

        assertEquals(ExitCode.SUCCESS, floe("run", programs.toString(), report.toString()));

        assertEquals(report + "|5|local|" + programs.toUri() + "|null|true", Files.readString(report));
    }

    @Test
    void reportsFailedJobWithTheUsersException() {
        assertEquals(ExitCode.PROGRAM_FAILED, floe("run", "-c", "com.example.FailedJob", programs.toString()));
        assertEquals("The job failed: com.acme.BadRecordException: bad record 7" + System.lineSeparator(), stderr());
    }

    @Test
    void reportsExceptionFromMain() {
        assertEquals(ExitCode.PROGRAM_FAILED, floe("run", "-c", "com.example.ThrowingJob", programs.toString()));
        assertEquals(
                "The program's main() threw java.lang.IllegalArgumentException: no input given"
                        + System.lineSeparator(),
                stderr());
    }

    private int floe(String... args) {
        CliFrontend frontend = new CliFrontend(
                new PrintStream(out, true), new PrintStream(err, true), environment, () -> Set.of("local"));
        return frontend.run(args);
    }

    /** Exit code 1 and exactly one line on stderr, the expected one; nothing on stdout. */
    private void assertUserError(String expectedLine, String... args) {
        assertEquals(ExitCode.USAGE, floe(args), stderr());
        assertEquals(expectedLine + System.lineSeparator(), stderr());
        assertEquals("", stdout());
    }

    private String stdout() {
        return out.toString(Charset.defaultCharset());
    }

    private String stderr() {
        return err.toString(Charset.defaultCharset());
    }
}
