package io.floe.client.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobExecutionException;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.client.testing.TestJars;
import io.floe.client.testing.TestPrograms;
import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagedProgramTest {
    @TempDir
    static Path jars;

    static Path programs;
    static Path withoutMainClass;

    @TempDir
    Path work;

    private final ClassLoader floe = PackagedProgramTest.class.getClassLoader();

    @BeforeAll
    static void buildJars() throws Exception {
        programs = TestJars.builder()
                .source("com.example.ReportingJob", TestPrograms.REPORTING)
                .source("com.example.FailedJob", TestPrograms.FAILED_JOB)
                .source("com.example.ThrowingJob", TestPrograms.THROWING)
                .source("com.example.FailingInitializerJob", TestPrograms.FAILING_INITIALIZER)
                .source("com.example.NoMain", TestPrograms.NO_MAIN)
                .source("com.example.InstanceMain", TestPrograms.INSTANCE_MAIN)
                .source("com.example.PackagePrivateJob", TestPrograms.PACKAGE_PRIVATE)
                .mainClass("com.example.ReportingJob")
                .build(jars, "programs.jar");
        withoutMainClass = TestJars.builder()
                .source("com.example.ThrowingJob", TestPrograms.THROWING)
                .build(jars, "no-main-class.jar");
    }

    @Test
    void runsTheManifestMainClassWithArgumentsConfigurationAndClassLoader() throws Exception {
        Path report = work.resolve("report");
        Configuration configuration = new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 3);
        try (PackagedProgram program = PackagedProgram.fromJar(programs, null, List.of(report.toString(), "x"), floe)) {
            assertEquals("com.example.ReportingJob", program.getMainClassName());
            program.invoke(configuration);
        }
        assertEquals(report + ",x|3|local||null|true", Files.readString(report));
    }

    @Test
    void resetsContextConfigurationAndClassLoaderAfterMain() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (PackagedProgram program = PackagedProgram.fromJar(programs, "com.example.ThrowingJob", List.of(), floe)) {
            assertThrows(
                    ProgramInvocationException.class,
                    () -> program.invoke(new Configuration().set(CoreOptions.DEFAULT_PARALLELISM, 5)));
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
        assertEquals(1, StreamExecutionEnvironment.getExecutionEnvironment().getParallelism());
    }

    @Test
    void entryPointOptionWinsOverManifest() throws Exception {
        Path marker = work.resolve("marker");
        try (PackagedProgram program =
                PackagedProgram.fromJar(programs, "com.example.PackagePrivateJob", List.of(marker.toString()), floe)) {
            program.invoke(new Configuration());
        }
        assertEquals("ran", Files.readString(marker));
    }

    @Test
    void reportsWhatMainThrew() throws Exception {
        try (PackagedProgram program = PackagedProgram.fromJar(programs, "com.example.ThrowingJob", List.of(), floe)) {
            ProgramInvocationException e =
                    assertThrows(ProgramInvocationException.class, () -> program.invoke(new Configuration()));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("no input given", e.getCause().getMessage());
            assertTrue(e.findJobFailure().isEmpty());
        }
    }

    @Test
    void reportsWhatTheStaticInitializerThrew() throws Exception {
        try (PackagedProgram program =
                PackagedProgram.fromJar(programs, "com.example.FailingInitializerJob", List.of(), floe)) {
            ProgramInvocationException e =
                    assertThrows(ProgramInvocationException.class, () -> program.invoke(new Configuration()));
            assertInstanceOf(NumberFormatException.class, e.getCause());
        }
    }

    @Test
    void findsTheJobFailureBehindTheProgramsOwnWrapper() throws Exception {
        try (PackagedProgram program = PackagedProgram.fromJar(programs, "com.example.FailedJob", List.of(), floe)) {
            ProgramInvocationException e =
                    assertThrows(ProgramInvocationException.class, () -> program.invoke(new Configuration()));
            JobExecutionException jobFailure = e.findJobFailure().orElseThrow();
            assertEquals(
                    "com.acme.BadRecordException: bad record 7",
                    jobFailure.getCause().toString());
        }
    }

    @Test
    void rejectsMissingJar() {
        Path missing = work.resolve("missing.jar");
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class, () -> PackagedProgram.fromJar(missing, null, List.of(), floe));
        assertEquals("Job jar not found: " + missing.toAbsolutePath(), e.getMessage());
    }

    @Test
    void rejectsDirectory() {
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> PackagedProgram.fromJar(work, null, List.of(), floe));
        assertEquals("Job jar is not a file: " + work, e.getMessage());
    }

    @Test
    void rejectsFileThatIsNotAJar() throws Exception {
        Path text = Files.writeString(work.resolve("notes.txt"), "not a zip");
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> PackagedProgram.fromJar(text, null, List.of(), floe));
        assertEquals("Not a jar file: " + text, e.getMessage());
    }

    @Test
    void rejectsJarWithoutMainClassWhenNoEntryPointIsGiven() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class, () -> PackagedProgram.fromJar(withoutMainClass, null, List.of(), floe));
        assertEquals(
                withoutMainClass + " has no Main-Class in its manifest; name the entry point with -c <class>",
                e.getMessage());
    }

    @Test
    void rejectsEntryPointThatIsNotInTheJar() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> PackagedProgram.fromJar(programs, "com.example.Missing", List.of(), floe));
        assertEquals("Class com.example.Missing (-c) not found in " + programs, e.getMessage());
    }

    @Test
    void rejectsManifestMainClassThatIsNotInTheJar() throws Exception {
        Path jar = TestJars.builder().mainClass("com.example.Gone").build(work, "dangling.jar");
        InvalidProgramException e =
                assertThrows(InvalidProgramException.class, () -> PackagedProgram.fromJar(jar, null, List.of(), floe));
        assertEquals("Main-Class com.example.Gone of " + jar + " is not in the jar", e.getMessage());
    }

    @Test
    void rejectsClassWithoutMain() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> PackagedProgram.fromJar(programs, "com.example.NoMain", List.of(), floe));
        assertEquals("com.example.NoMain has no public static void main(String[]) method", e.getMessage());
    }

    @Test
    void rejectsInstanceMain() {
        InvalidProgramException e = assertThrows(
                InvalidProgramException.class,
                () -> PackagedProgram.fromJar(programs, "com.example.InstanceMain", List.of(), floe));
        assertEquals("com.example.InstanceMain has no public static void main(String[]) method", e.getMessage());
    }
}
